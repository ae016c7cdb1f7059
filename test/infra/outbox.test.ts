import { beforeAll, describe, expect, it } from '@jest/globals';
import { wiring } from '../../infra/wiring';
import { OutboxMetrics } from '../../shared/domain/outbox/outbox-metrics';
import { resourcesOf, synthConvene, type CfnJson, type CfnResource, type Synthesized } from './support';

/** The outbox's wiring on AWS: the sweeper's rate rule, and the one table write every publisher needs. */
let synth: Synthesized;
let functions: Record<string, CfnResource>;
let policies: CfnResource[];

beforeAll(() => {
  synth = synthConvene();
  // The API's stack and the console's, where the console's functions are.
  const templates = [synth.stacks.api, synth.stacks.api.console].map((stack) => synth.template(stack));
  functions = Object.assign({}, ...templates.map((t) => resourcesOf(t, 'AWS::Lambda::Function')));
  policies = templates.flatMap((t) => Object.values(resourcesOf(t, 'AWS::IAM::Policy')));
});

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

const functionId = (name: string): string => {
  const id = Object.keys(functions).find((key) => key.startsWith(`Functions${pascal(name)}Function`));
  if (!id) throw new Error(`No Lambda function for ${name}`);
  return id;
};

const statementsOf = (name: string): CfnJson[] => {
  const role = functions[functionId(name)]?.Properties.Role as { 'Fn::GetAtt': [string, string] };
  return policies
    .filter((p) => (p.Properties.Roles as CfnJson[]).some((r) => r.Ref === role['Fn::GetAtt'][0]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as CfnJson[]);
};

describe('the outbox on AWS', () => {
  it('runs the sweeper every minute from a rate rule, without keeping a missed run', () => {
    const sweeper = functionId('sweepOutbox');
    const rules = Object.values(resourcesOf(synth.template(synth.stacks.api), 'AWS::Events::Rule')).filter(
      (r) =>
        r.Properties.ScheduleExpression !== undefined &&
        JSON.stringify(r.Properties.Targets).includes(`"${sweeper}"`),
    );

    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [sweeper, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 0 },
        },
      ],
    });
    expect(statementsOf('sweepOutbox').map((s) => s.Action)).toEqual(
      expect.arrayContaining([expect.arrayContaining(['dynamodb:Query', 'dynamodb:DeleteItem'])]),
    );
  });

  it.each(Object.entries(wiring.functions).filter(([, spec]) => 'bus' in spec.access))(
    'lets %s park a refused event in the outbox, and nothing else in the table through that grant',
    (name) => {
      const park = statementsOf(name).filter((s) => JSON.stringify(s.Condition ?? {}).includes('OUTBOX#'));
      const env = functions[functionId(name)]?.Properties.Environment.Variables as Record<string, CfnJson>;

      expect(park).toHaveLength(1);
      expect(park[0]?.Action).toBe('dynamodb:PutItem');
      expect(park[0]?.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*'] },
      });
      expect(env.TABLE_NAME).toBeDefined();
      expect(env.EVENT_BUS_NAME).toBeDefined();
    },
  );
});

describe('the outbox alarm', () => {
  it('tells the alarm topic when the sweeper finds the bus still refusing, on the metric it publishes', () => {
    const alarms = Object.values(
      resourcesOf(synth.template(synth.stacks.messaging), 'AWS::CloudWatch::Alarm'),
    ).filter((a) => a.Properties.MetricName === OutboxMetrics.stillParked);

    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.Properties).toMatchObject({
      Namespace: 'Convene',
      Dimensions: [{ Name: 'service', Value: 'convene' }],
      Threshold: 0,
    });
    expect(alarms[0]?.Properties.AlarmDescription).toMatch(/Nothing is lost/);
  });
});
