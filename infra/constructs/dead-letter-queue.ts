import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmAboveZero } from './metric-alarm';

/** What every Convene queue is: SSL-only, encrypted at rest. */
export const secureQueueProps = {
  enforceSSL: true,
  encryption: sqs.QueueEncryption.SQS_MANAGED,
} as const satisfies sqs.QueueProps;

export interface DeadLetterQueueProps {
  readonly queueName: string;
  /** The dead-letter queue of a FIFO queue is FIFO too, as SQS requires. */
  readonly fifo?: boolean;
  /** What lands here, for the person the alarm wakes. */
  readonly purpose: string;
  readonly alarmTopic: sns.ITopic;
}

/**
 * A queue where failed work ends up, with the alarm that says so: one construct, so a DLQ cannot exist
 * without its alarm.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      ...secureQueueProps,
      queueName: props.queueName,
      ...(props.fifo ? { fifo: true } : {}),
      // As long as SQS allows, to leave time to find the cause and redrive.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue; a DLQ behind it would only move failures out of sight.',
    });
    this.alarm = alarmAboveZero(this, 'Alarm', {
      description: `Messages in ${props.queueName}: ${props.purpose}`,
      alarmTopic: props.alarmTopic,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
    });
  }
}
