import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventCreated, EventPublished, EventUpdated } from '../../events';
import { ContextKeys } from '../../infra/constructs/settings';
import { buildConvene, type ConveneOptions, type ConveneStacks } from '../../infra/stacks';
import { wiring } from '../../infra/wiring';
import type { Wiring } from '../../infra/wiring/types';

/** Valid settings, as cdk.json holds them, plus an alarm email so the subscription is built. */
export const validContext: Record<string, unknown> = {
  [ContextKeys.stage]: 'test',
  [ContextKeys.publicUrl]: 'https://convene.example.org',
  [ContextKeys.sesFromAddress]: 'events@convene.example.org',
  [ContextKeys.sesIdentity]: 'convene.example.org',
  [ContextKeys.xSecretName]: 'convene/test/x-credentials',
  [ContextKeys.sendRatePerSecond]: 14,
  [ContextKeys.alarmEmail]: 'ops@example.org',
};

/**
 * The real wiring plus functions on the triggers and accesses it does not use yet: two event-triggered
 * (one with a detail filter) and one queue-triggered, between them every kind of access.
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
    sendEmail: {
      entry: 'send-email',
      description: 'Sends one email',
      trigger: {
        kind: 'queue',
        queue: 'send',
        batchSize: 10,
        maxBatchingWindowSeconds: 2,
        maxConcurrency: 4,
      },
      access: { table: 'readWrite', ses: 'send', sendQueue: 'send' },
      timeoutSeconds: 30,
    },
  },
};

export interface Synthesized {
  readonly stacks: ConveneStacks;
  readonly template: (stack: Stack) => Template;
}

/**
 * Builds and synthesizes the whole app once, without bundling (fast, and handlers need not exist yet),
 * and reads each stack's template from that one cloud assembly.
 */
export const synthConvene = (
  options: ConveneOptions = {},
  context: Record<string, unknown> = validContext,
): Synthesized => {
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildConvene(app, options);
  const assembly = app.synth();
  return {
    stacks,
    template: (stack) => Template.fromJSON(assembly.getStackByName(stack.stackName).template),
  };
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
