import { App, NestedStack, type Stack } from 'aws-cdk-lib';
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
   * Where a value a nested stack takes as a parameter comes from: the nested stack whose output its parent
   * passes in, and that output's value in the producer's own template; or, for a nested stack's own nested
   * stack (the console's), a resource of its parent, or what the parent was itself given.
   */
  readonly referenceSource: (consumer: NestedStack, value: CfnJson) => { stack: NestedStack; value: CfnJson };
  /**
   * A value of a nested stack's template with every parameter in it replaced by what it stands for at its
   * source, so a value the console's stack was handed reads as it does in the stack that made it.
   */
  readonly atSource: (consumer: NestedStack, value: CfnJson) => CfnJson;
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
 * CloudFormation Validate (aws-cdk-lib's built-in plugin) starts a WebAssembly rules engine for each test
 * file that synthesizes: about 8 s of CPU a file, for the same verdict on the same templates. It runs where
 * a test asks (`validate: true`: app.test.ts checks the app as deployed), and is off for the rest.
 */
const withCloudFormationValidate = <T>(validate: boolean, synth: () => T): T => {
  const before = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = validate ? 'true' : 'false';
  try {
    return synth();
  } finally {
    if (before === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = before;
  }
};

/**
 * Builds and synthesizes the whole app once (cdk-nag findings throw, and CloudFormation Validate's when asked), and
 * reads the top-level and nested templates from that one cloud assembly.
 */
export const synthConvene = (
  options: ConveneOptions = {},
  context: Record<string, unknown> = validContext,
  { validate = false }: { readonly validate?: boolean } = {},
): Synthesized => {
  const { app, stacks } = buildTestApp(options, context);
  const assembly = withCloudFormationValidate(validate, () => app.synth());
  const templates = new Map<Stack, Template>();
  const template = (stack: Stack): Template => {
    if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
    return templates.get(stack)!;
  };
  const nestedStacks = [stacks.storage, stacks.identity, stacks.messaging, stacks.api, stacks.api.console];
  const parentOf = (stack: NestedStack): Stack => stack.nestedStackParent!;
  const logicalIdOf = (stack: NestedStack): string =>
    parentOf(stack).resolve(stack.nestedStackResource!.logicalId);
  const parametersOf = (stack: Stack): Record<string, unknown> => template(stack).toJSON().Parameters ?? {};
  const referenceSource = (consumer: NestedStack, value: CfnJson): { stack: NestedStack; value: CfnJson } => {
    const parameter = value?.Ref;
    if (typeof parameter !== 'string' || !parametersOf(consumer)[parameter]) {
      throw new Error(`${JSON.stringify(value)} is not a parameter of ${consumer.node.path}`);
    }
    const parent = parentOf(consumer);
    const passed =
      template(parent).toJSON().Resources[logicalIdOf(consumer)].Properties.Parameters[parameter];
    // A nested stack's nested stack (the console's, in the API's) may be handed a value its parent was given.
    if (
      NestedStack.isNestedStack(parent) &&
      typeof passed?.Ref === 'string' &&
      parametersOf(parent)[passed.Ref]
    ) {
      return referenceSource(parent, passed);
    }
    const [producerId, attribute] = passed?.['Fn::GetAtt'] ?? [];
    const producer = nestedStacks.find(
      (stack) => parentOf(stack) === parent && logicalIdOf(stack) === producerId,
    );
    if (producer && String(attribute).startsWith('Outputs.')) {
      const output = template(producer).toJSON().Outputs[String(attribute).slice('Outputs.'.length)];
      return { stack: producer, value: output.Value };
    }
    // Or a value of its parent's own resources.
    if (NestedStack.isNestedStack(parent)) return { stack: parent, value: passed };
    throw new Error(
      `${parameter} of ${consumer.node.path} is not a nested stack's output: ${JSON.stringify(passed)}`,
    );
  };
  const atSource = (consumer: NestedStack, value: CfnJson): CfnJson => {
    if (Array.isArray(value)) return value.map((item) => atSource(consumer, item));
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.Ref === 'string' && parametersOf(consumer)[value.Ref]) {
      return referenceSource(consumer, value).value;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, atSource(consumer, item)]));
  };
  return { stacks, assembly, template, referenceSource, atSource };
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
