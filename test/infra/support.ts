import { App, type NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { EventCreated, EventPublished, EventUpdated } from '../../events';
import { ContextKeys } from '../../infra/constructs/settings';
import { buildConvene, fallbackRegion, type ConveneOptions, type ConveneStacks } from '../../infra/stacks';
import { wiring } from '../../infra/wiring';
import type { Wiring } from '../../infra/wiring/types';

/** Valid settings, as cdk.json holds them, plus an alarm email so the subscription is built. */
export const validContext: Record<string, unknown> = {
  [ContextKeys.stage]: 'test',
  [ContextKeys.sesFromAddress]: 'events@convene.example.org',
  [ContextKeys.sesIdentity]: 'convene.example.org',
  [ContextKeys.xSecretName]: 'convene/test/x-credentials',
  [ContextKeys.sendRatePerSecond]: 14,
  [ContextKeys.alarmEmail]: 'ops@example.org',
};

/**
 * The real wiring plus functions on the accesses it does not use yet: two event-triggered (one with a
 * detail filter) that manage schedules and read the X credentials. With the real wiring's own event,
 * queue and HTTP functions, between them every kind of trigger and every kind of access (a test says so).
 */
export const fixtureWiring: Wiring = {
  ...wiring,
  functions: {
    ...wiring.functions,
    planReminders: {
      entry: 'plan-reminders',
      description: 'Plans the reminders of an event',
      trigger: { kind: 'event', events: [EventPublished, EventUpdated], detail: { timesChanged: [true] } },
      access: { table: 'readWrite', scheduler: 'manage' },
    },
    postToX: {
      entry: 'post-to-x',
      description: 'Posts to X',
      trigger: { kind: 'event', events: [EventCreated] },
      access: { table: 'read', xCredentials: 'read', bus: 'put' },
    },
  },
};

export interface Synthesized {
  readonly stacks: ConveneStacks;
  readonly assembly: CloudAssembly;
  /** The template of the top-level stack or of one of its nested stacks. */
  readonly template: (stack: Stack) => Template;
  /**
   * Where a value a nested stack takes as a parameter comes from: the nested stack whose output the
   * top-level stack passes in, and that output's value in the producer's own template.
   */
  readonly referenceSource: (consumer: NestedStack, value: CfnJson) => { stack: NestedStack; value: CfnJson };
}

/** The app's region, whatever the shell's CDK_DEFAULT_* say; the account stays `${AWS::AccountId}`. */
export const testEnv = { region: fallbackRegion } as const;

/** The context of a test app: valid settings, no bundling, CloudFormation Validate findings as errors. */
const testAppContext = (context: Record<string, unknown>): Record<string, unknown> => ({
  ...context,
  'aws:cdk:bundling-stacks': [],
  // A cycle between nested stacks, for one, is only a CloudFormation Validate warning unless this is set.
  '@aws-cdk/core:validateAgainstDefaultRules': true,
});

/**
 * Builds the whole app without synthesizing it (no bundling: handlers need not exist yet), so a test can
 * change it before it synthesizes.
 */
export const buildTestApp = (
  options: ConveneOptions = {},
  context: Record<string, unknown> = validContext,
): { app: App; stacks: ConveneStacks } => {
  const app = new App({ context: testAppContext(context) });
  return { app, stacks: buildConvene(app, { env: testEnv, ...options }) };
};

/**
 * Builds and synthesizes the whole app once (cdk-nag and CloudFormation Validate findings throw), and
 * reads the top-level and nested templates from that one cloud assembly.
 */
export const synthConvene = (
  options: ConveneOptions = {},
  context: Record<string, unknown> = validContext,
): Synthesized => {
  const { app, stacks } = buildTestApp(options, context);
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  const template = (stack: Stack): Template => {
    if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
    return templates.get(stack)!;
  };
  const nestedStacks = [stacks.storage, stacks.identity, stacks.messaging, stacks.api];
  const logicalIdOf = (stack: NestedStack): string =>
    stacks.root.resolve(stack.nestedStackResource!.logicalId);
  const referenceSource = (consumer: NestedStack, value: CfnJson) => {
    const parameter = value?.Ref;
    if (typeof parameter !== 'string' || !template(consumer).toJSON().Parameters?.[parameter]) {
      throw new Error(`${JSON.stringify(value)} is not a parameter of ${consumer.node.path}`);
    }
    const passed = template(stacks.root).toJSON().Resources[logicalIdOf(consumer)].Properties.Parameters[
      parameter
    ];
    const [producerId, attribute] = passed?.['Fn::GetAtt'] ?? [];
    const producer = nestedStacks.find((stack) => logicalIdOf(stack) === producerId);
    if (!producer || !String(attribute).startsWith('Outputs.')) {
      throw new Error(
        `${parameter} of ${consumer.node.path} is not a nested stack's output: ${JSON.stringify(passed)}`,
      );
    }
    const output = template(producer).toJSON().Outputs[String(attribute).slice('Outputs.'.length)];
    return { stack: producer, value: output.Value };
  };
  return { stacks, assembly, template, referenceSource };
};

/** A resource's logical ID, as `{ Ref }` and `{ Fn::GetAtt }` name it. */
export type LogicalId = string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized CloudFormation is read loosely in assertions
export type CfnJson = any;

export interface CfnResource {
  readonly Type: string;
  readonly Properties: CfnJson;
  readonly DeletionPolicy?: string;
}

/** The resources of one type, keyed by logical ID. */
export const resourcesOf = (template: Template, type: string): Record<LogicalId, CfnResource> =>
  template.findResources(type) as Record<LogicalId, CfnResource>;
