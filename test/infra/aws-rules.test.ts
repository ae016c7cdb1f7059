import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { NestedStack, Stack } from 'aws-cdk-lib';
import { ContextKeys } from '../../infra/constructs/settings';
import {
  fixtureWiring,
  resourcesOf,
  synthConvene,
  validContext,
  type CfnJson,
  type CfnResource,
  type Synthesized,
} from './support';

/**
 * What CloudFormation or the services would refuse at deployment, checked in every template of the app (the
 * edge stack, the top-level stack and each nested stack), since cfn-lint cannot be installed here. Built at
 * the longest stage name settings allow, with a custom domain and an origin certificate, so every derived name
 * is as long as it gets and every optional resource is there.
 */
const longestStage = 'a'.repeat(20);
const context = {
  ...validContext,
  [ContextKeys.stage]: longestStage,
  [ContextKeys.xSecretName]: `convene/${longestStage}/x-credentials`,
  [ContextKeys.domainName]: 'events.example.org',
  [ContextKeys.certificateArn]: 'arn:aws:acm:us-east-1:123456789012:certificate/1111-2222',
  [ContextKeys.originCertificateArn]: 'arn:aws:acm:eu-west-2:123456789012:certificate/3333-4444',
};

/** The longest name AWS accepts, per resource type and name property (from each service's quotas). */
const nameLimits: Record<string, Record<string, number>> = {
  'AWS::SQS::Queue': { QueueName: 80 },
  'AWS::Lambda::Function': { FunctionName: 64 },
  'AWS::IAM::Role': { RoleName: 64 },
  'AWS::IAM::Policy': { PolicyName: 128 },
  'AWS::Logs::LogGroup': { LogGroupName: 512 },
  'AWS::Events::Rule': { Name: 64 },
  'AWS::Events::EventBus': { Name: 256 },
  'AWS::Events::Archive': { ArchiveName: 48 },
  'AWS::EventSchemas::Registry': { RegistryName: 64 },
  'AWS::EventSchemas::Schema': { SchemaName: 385 },
  'AWS::Scheduler::ScheduleGroup': { Name: 64 },
  'AWS::SES::ConfigurationSet': { Name: 64 },
  'AWS::SNS::Topic': { TopicName: 256 },
  'AWS::CloudWatch::Alarm': { AlarmName: 255 },
  'AWS::DynamoDB::Table': { TableName: 255 },
  'AWS::SecretsManager::Secret': { Name: 512 },
  'AWS::Cognito::UserPool': { UserPoolName: 128 },
  'AWS::ApiGatewayV2::Api': { Name: 128 },
  'AWS::S3::Bucket': { BucketName: 63 },
  'AWS::WAFv2::WebACL': { Name: 128 },
};

/**
 * Empty strings AWS requires: CloudFront takes an S3 origin reached with origin access control only with an
 * empty OriginAccessIdentity.
 */
const emptyByDesign = [/^DistributionConfig\.Origins\[\d+\]\.S3OriginConfig\.OriginAccessIdentity$/];

/** Every path under `value` whose value is the empty string, skipping Fn::Join's delimiter. */
const emptyStrings = (value: CfnJson, path: string): string[] => {
  if (value === '') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => emptyStrings(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  if ('Fn::Join' in value) return emptyStrings(value['Fn::Join'][1], `${path}.Fn::Join[1]`);
  return Object.entries(value).flatMap(([key, item]) => emptyStrings(item, path ? `${path}.${key}` : key));
};

describe('what AWS would reject, in every template of the app', () => {
  let synth: Synthesized;
  let stacks: Stack[];
  beforeAll(() => {
    synth = synthConvene({ wiring: fixtureWiring }, context);
    const { edge, root, storage, identity, messaging, api } = synth.stacks;
    stacks = [edge, root, storage, identity, messaging, api];
  });
  const resourcesOfEvery = (): [Stack, string, CfnResource][] =>
    stacks.flatMap((stack) =>
      Object.entries<CfnResource>(synth.template(stack).toJSON().Resources).map(
        ([id, resource]): [Stack, string, CfnResource] => [stack, id, resource],
      ),
    );

  it('names every resource within its service’s limit, at the longest stage', () => {
    const named = resourcesOfEvery().flatMap(([stack, id, resource]) =>
      Object.entries(nameLimits[resource.Type] ?? {}).flatMap(([property, limit]) => {
        const name: unknown = resource.Properties?.[property];
        return typeof name === 'string' ? [{ at: `${stack.node.path}/${id}`, name, limit }] : [];
      }),
    );
    // The check reaches the names that grow with the stage.
    expect(named.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        `convene-${longestStage}-send-dlq`,
        `convene-${longestStage}-places-dlq.fifo`,
        `convene-${longestStage}-queueRaisedPlaces`,
      ]),
    );
    const tooLong = named.filter(({ name, limit }) => name.length > limit);
    expect(tooLong).toEqual([]);
  });

  it('names the web ACL’s rules and metrics as WAF allows', () => {
    for (const [, webAcl] of Object.entries(
      resourcesOf(synth.template(synth.stacks.edge), 'AWS::WAFv2::WebACL'),
    )) {
      const { Name, Rules, VisibilityConfig } = webAcl.Properties;
      expect(Name).toMatch(/^[\w-]{1,128}$/);
      const metricNames = [VisibilityConfig, ...Rules.map((rule: CfnJson) => rule.VisibilityConfig)].map(
        (config: CfnJson) => config.MetricName,
      );
      for (const metricName of metricNames) expect(metricName).toMatch(/^[\w#:.\-/]{1,128}$/);
      for (const rule of Rules) expect(rule.Name).toMatch(/^[\w-]{1,128}$/);
    }
  });

  it('leaves no property an empty string, except where AWS requires one', () => {
    const found = resourcesOfEvery().flatMap(([stack, id, resource]) =>
      emptyStrings(resource.Properties ?? {}, '')
        .filter((path) => !emptyByDesign.some((allowed) => allowed.test(path)))
        .map((path) => `${stack.node.path}/${id}: ${resource.Type} ${path}`),
    );
    expect(found).toEqual([]);
  });

  it('synthesizes the bus archive without an empty KmsKeyIdentifier (an AWS-owned key)', () => {
    const archives = Object.values(
      resourcesOf(synth.template(synth.stacks.messaging), 'AWS::Events::Archive'),
    );
    expect(archives).toHaveLength(1);
    expect(archives[0]!.Properties).not.toHaveProperty('KmsKeyIdentifier');
  });

  it('gives every queue a visibility timeout of at least six times its consumer’s timeout', () => {
    const { api, messaging } = synth.stacks;
    const mappings = Object.values(resourcesOf(synth.template(api), 'AWS::Lambda::EventSourceMapping'));
    expect(mappings.length).toBeGreaterThan(0);
    const functions = resourcesOf(synth.template(api), 'AWS::Lambda::Function');
    const queues = resourcesOf(synth.template(messaging), 'AWS::SQS::Queue');
    for (const mapping of mappings) {
      const source = synth.referenceSource(api, mapping.Properties.EventSourceArn);
      expect(source.stack).toBe(messaging);
      const queue = queues[source.value['Fn::GetAtt'][0]]!.Properties;
      const timeout: number = functions[mapping.Properties.FunctionName.Ref]!.Properties.Timeout;
      // AWS's advice for a Lambda event source, so retries of a throttled batch stay within one visibility period.
      expect({ queue: queue.QueueName, sixTimesTheConsumer: queue.VisibilityTimeout >= 6 * timeout }).toEqual(
        {
          queue: queue.QueueName,
          sixTimesTheConsumer: true,
        },
      );
    }
  });

  describe('dead-letter queues of rule targets', () => {
    /** A value as it is in the messaging stack: a parameter of the API's stack is followed to its source. */
    const inMessaging = (stack: Stack, value: CfnJson): CfnJson =>
      stack === synth.stacks.messaging ? value : synth.referenceSource(stack as NestedStack, value).value;

    /** An ARN built with Fn::Join, as one string. */
    const joined = (value: CfnJson): string =>
      typeof value === 'string'
        ? value
        : (value['Fn::Join'][1] as CfnJson[])
            .map((part) => (typeof part === 'string' ? part : `\${${part.Ref}}`))
            .join('');

    it('exist for every rule target, and each admits the rule that sends to it: events.amazonaws.com, sqs:SendMessage, that rule’s ARN', () => {
      const { api, messaging } = synth.stacks;
      const messagingTemplate = synth.template(messaging).toJSON();
      const busNameOf = (busRef: CfnJson): string =>
        messagingTemplate.Resources[busRef.Ref].Properties.Name as string;
      const rules = [api, messaging].flatMap((stack) =>
        Object.entries(resourcesOf(synth.template(stack), 'AWS::Events::Rule')).map(
          ([id, rule]) => [stack, id, rule] as const,
        ),
      );
      expect(rules.length).toBeGreaterThan(2);
      // A 'schedule' trigger's rate rule keeps no event for later: a missed run is the next run's work
      // (infra/constructs/schedule-trigger.ts), so it has no retries and nothing to dead-letter.
      const rateRules = rules.filter(([, , rule]) => rule.Properties.ScheduleExpression !== undefined);
      for (const [, , rule] of rateRules) {
        for (const target of rule.Properties.Targets as CfnJson[]) {
          expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
        }
      }
      for (const [stack, id, rule] of rules.filter((entry) => !rateRules.includes(entry))) {
        for (const target of rule.Properties.Targets as CfnJson[]) {
          expect({ rule: `${stack.node.path}/${id}`, deadLetterQueue: target.DeadLetterConfig?.Arn }).toEqual(
            {
              rule: `${stack.node.path}/${id}`,
              deadLetterQueue: expect.anything(),
            },
          );
          const [queueId] = inMessaging(stack, target.DeadLetterConfig.Arn)['Fn::GetAtt'];
          const statements = Object.values(resourcesOf(synth.template(messaging), 'AWS::SQS::QueuePolicy'))
            .filter((policy) => isDeepStrictEqual(policy.Properties.Queues, [{ Ref: queueId }]))
            .flatMap((policy) => policy.Properties.PolicyDocument.Statement as CfnJson[]);
          // A rule of the messaging stack is named by reference; one of the API's by the name it is given.
          const ruleArn =
            stack === messaging
              ? JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] })
              : `:rule/${busNameOf(inMessaging(stack, rule.Properties.EventBusName))}/${rule.Properties.Name}`;
          const admits = statements.some(
            (statement) =>
              statement.Effect === 'Allow' &&
              isDeepStrictEqual(statement.Principal, { Service: 'events.amazonaws.com' }) &&
              [statement.Action].flat().includes('sqs:SendMessage') &&
              isDeepStrictEqual(statement.Resource, { 'Fn::GetAtt': [queueId, 'Arn'] }) &&
              [statement.Condition?.ArnEquals?.['aws:SourceArn']]
                .flat()
                .some((arn: CfnJson) =>
                  stack === messaging ? JSON.stringify(arn) === ruleArn : joined(arn).endsWith(ruleArn),
                ),
          );
          expect({ rule: `${stack.node.path}/${id}`, admitted: admits }).toEqual({
            rule: `${stack.node.path}/${id}`,
            admitted: true,
          });
        }
      }
    });
  });

  describe('service principals', () => {
    const roleAndStatements = (stack: Stack, roleId: string) => {
      const template = synth.template(stack);
      const role = resourcesOf(template, 'AWS::IAM::Role')[roleId]!;
      const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
        .filter((policy) => isDeepStrictEqual(policy.Properties.Roles, [{ Ref: roleId }]))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as CfnJson[]);
      return { trust: role.Properties.AssumeRolePolicyDocument.Statement as CfnJson[], statements };
    };

    it('let only scheduler.amazonaws.com of this account assume the scheduler role, which may put on the bus and send to its DLQ', () => {
      const { messaging } = synth.stacks;
      const template = synth.template(messaging);
      const [roleId] = Object.entries(resourcesOf(template, 'AWS::IAM::Role')).find(([, role]) =>
        JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
      )!;
      const { trust, statements } = roleAndStatements(messaging, roleId);
      expect(trust).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ]);
      const [busId] = Object.keys(resourcesOf(template, 'AWS::Events::EventBus'));
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      const [dlqId] = Object.entries(queues).find(([, queue]) =>
        String(queue.Properties.QueueName).endsWith('-scheduler-dlq'),
      )!;
      // What the scheduler does with the role, and nothing on any other resource.
      expect(statements).toContainEqual(
        expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Action: expect.arrayContaining(['sqs:SendMessage']),
          Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] },
        }),
      );
      expect(statements.map((statement) => statement.Resource['Fn::GetAtt'][0]).sort()).toEqual(
        [busId, dlqId].sort(),
      );
    });

    it('give the SES-forwarding rule a role events.amazonaws.com assumes, which may put events on the Convene bus', () => {
      const { messaging } = synth.stacks;
      const template = synth.template(messaging);
      const [busId] = Object.keys(resourcesOf(template, 'AWS::Events::EventBus'));
      const [, forward] = Object.entries(resourcesOf(template, 'AWS::Events::Rule')).find(([id]) =>
        id.startsWith('ForwardSesEvents'),
      )!;
      const [target] = forward.Properties.Targets as CfnJson[];
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
      const { trust, statements } = roleAndStatements(messaging, target.RoleArn['Fn::GetAtt'][0]);
      expect(trust).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } },
      ]);
      expect(statements).toEqual([
        { Action: 'events:PutEvents', Effect: 'Allow', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } },
      ]);
    });
  });
});
