import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * Where the functions' Powertools metrics land: EMF with the namespace and the one `service` dimension
 * that ConveneFunction sets (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME). An alarm must ask
 * for exactly these, or it watches a metric nobody emits.
 */
export const AppMetrics = { namespace: 'Convene', service: 'convene' } as const;

export interface CountAlarmProps {
  readonly metricName: string;
  /** What it means and what to do, for the person the alarm wakes. */
  readonly description: string;
  readonly alarmTopic: sns.ITopic;
}

/**
 * Convene's one kind of alarm: the metric above zero in any minute, told to the alarm topic, and told again
 * when it is back to zero. Every DLQ and every count of held work has one.
 */
export const alarmAboveZero = (
  scope: Construct,
  id: string,
  props: {
    readonly metric: cloudwatch.IMetric;
    readonly description: string;
    readonly alarmTopic: sns.ITopic;
  },
): cloudwatch.Alarm => {
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const action = new actions.SnsAction(props.alarmTopic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
};

/** An alarm as soon as a count the functions emit is above zero in a minute, to the alarm topic. */
export class CountAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: CountAlarmProps) {
    super(scope, id);
    this.alarm = alarmAboveZero(this, 'Alarm', {
      description: props.description,
      alarmTopic: props.alarmTopic,
      metric: new cloudwatch.Metric({
        namespace: AppMetrics.namespace,
        metricName: props.metricName,
        dimensionsMap: { service: AppMetrics.service },
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.SUM,
      }),
    });
  }
}
