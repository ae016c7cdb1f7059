import { beforeAll, describe, expect, it } from '@jest/globals';
import { SEND_CONFIGURATION_FAULT_METRIC } from '../../shared/domain/delivery/send-fault';
import { resourcesOf, synthConvene, type CfnJson, type Synthesized } from './support';

let synth: Synthesized;

beforeAll(() => {
  synth = synthConvene();
});

const senderEnvironment = (): Record<string, CfnJson> => {
  const functions = resourcesOf(synth.template(synth.stacks.api), 'AWS::Lambda::Function');
  const sender = Object.entries(functions).find(([id]) => id.startsWith('FunctionsSendMailFunction'));
  if (!sender) throw new Error('No Lambda function for sendMail');
  return sender[1].Properties.Environment.Variables as Record<string, CfnJson>;
};

describe('the configuration-fault alarm', () => {
  it("watches the metric exactly as the sender's Powertools metrics publish it, and tells the alarm topic", () => {
    const template = synth.template(synth.stacks.messaging);
    const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.MetricName === SEND_CONFIGURATION_FAULT_METRIC,
    );
    const env = senderEnvironment();

    expect(alarms).toHaveLength(1);
    // EMF from Powertools: namespace POWERTOOLS_METRICS_NAMESPACE, one dimension `service`.
    expect(alarms[0]?.Properties).toMatchObject({
      Namespace: env.POWERTOOLS_METRICS_NAMESPACE,
      Dimensions: [{ Name: 'service', Value: env.POWERTOOLS_SERVICE_NAME }],
      Statistic: 'Sum',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
    expect(alarms[0]?.Properties.AlarmDescription).toMatch(/redrive the send DLQ/);
  });
});
