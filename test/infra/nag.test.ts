import { describe, expect, it } from '@jest/globals';
import { Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { ConveneStacks } from '../../infra/stacks';
import { buildTestApp, fixtureWiring, synthConvene } from './support';

/** The top-level stacks (the stage's and its edge stack) and every nested stack, by construct path. */
const stacksOf = (stacks: ConveneStacks): Stack[] => [
  stacks.edge,
  stacks.root,
  stacks.storage,
  stacks.identity,
  stacks.messaging,
  stacks.api,
  stacks.api.console,
];

/**
 * Every AwsSolutions finding (error or warning) no acknowledgement covers, per stack: the checks walk the
 * whole tree from each top-level stack, and each finding is put under the stack, top-level or nested, that
 * holds its resource.
 */
const findingsIn = (stacks: ConveneStacks) => {
  const byStack = new Map<Stack, unknown[]>(stacksOf(stacks).map((stack) => [stack, []]));
  const topLevel = [stacks.edge, stacks.root];
  const constructs = new Map<string, IConstruct>(
    topLevel.flatMap((stack) => stack.node.findAll()).map((construct) => [construct.node.path, construct]),
  );
  const violations = topLevel.flatMap((stack) => new AwsSolutionsChecks().validateScope(stack).violations);
  for (const violation of violations) {
    for (const resource of violation.violatingResources) {
      const construct = constructs.get(resource.constructPath ?? '');
      if (!construct) throw new Error(`A finding at an unknown path: ${resource.constructPath}`);
      byStack.get(Stack.of(construct))!.push({
        rule: violation.ruleName,
        severity: violation.severity,
        at: resource.constructPath,
      });
    }
  }
  return Object.fromEntries([...byStack].map(([stack, findings]) => [stack.node.path, findings]));
};

/** Synthesis runs the checks too and throws on a finding; the per-stack report says which. */
const unacknowledged = (wiring?: typeof fixtureWiring) =>
  findingsIn(synthConvene(wiring ? { wiring } : {}).stacks);

const none = {
  'Convene-test-Edge': [],
  'Convene-test': [],
  'Convene-test/Storage': [],
  'Convene-test/Identity': [],
  'Convene-test/Messaging': [],
  'Convene-test/Api': [],
  'Convene-test/Api/Console': [],
};

describe('cdk-nag AwsSolutions checks', () => {
  it('find nothing unacknowledged in the app as wired today', () => {
    expect(unacknowledged()).toEqual(none);
  });

  it('find nothing unacknowledged with event and queue triggers and every kind of access', () => {
    expect(unacknowledged(fixtureWiring)).toEqual(none);
  });

  it('acknowledge the link-signing key’s missing rotation on that secret alone', () => {
    const { stacks } = buildTestApp();
    // Another secret beside it, in the same nested stack, is still held to AwsSolutions-SMG4.
    new secretsmanager.Secret(stacks.storage, 'Unrotated');
    const at = `${stacks.storage.node.path}/Unrotated/Resource`;
    expect(findingsIn(stacks)).toEqual({
      ...none,
      [stacks.storage.node.path]: [{ rule: 'AwsSolutions-SMG4', severity: 'error', at }],
    });
  });

  it.each(['edge', 'root', 'storage', 'identity', 'messaging', 'api'] as const)(
    'report an unacknowledged finding in the %s stack, and stop the synthesis on it',
    (which) => {
      const { app, stacks } = buildTestApp();
      // A queue without a dead-letter queue of its own, and no acknowledgement: AwsSolutions-SQS3.
      new sqs.Queue(stacks[which], 'Unacknowledged', {
        enforceSSL: true,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
      });
      const at = `${stacks[which].node.path}/Unacknowledged/Resource`;
      expect(findingsIn(stacks)).toEqual({
        ...none,
        [stacks[which].node.path]: [{ rule: 'AwsSolutions-SQS3', severity: 'error', at }],
      });
      expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
    },
  );
});
