import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { resourceNames } from '../../infra/constructs/names';
import { localDeployment } from '../../infra/local/environment';
import { localPolicyModel } from '../../infra/local/iam/policy-cache';
import type { PolicyDocument } from '../../infra/local/iam/policy-model';
import { reachedCommands } from '../../infra/iam/reached-actions';
import { operationOfCommand } from '../../infra/iam/sdk-permissions';
import { wiring } from '../../infra/wiring';
import type { FunctionSpec, Wiring } from '../../infra/wiring/types';

/**
 * No function is granted an action its code cannot reach. The SDK commands a function's bundle imports
 * (tree-shaken by esbuild, as its Lambda bundle is) are mapped to the actions they may need through the
 * same table the local IAM check uses; every action the synthesized role grants must be one of them, or
 * one the Lambda service itself uses the role for.
 */
const deployment = localDeployment('local');
const names = resourceNames(deployment.stage);
const queueSpecs: Wiring['queues'] = wiring.queues;

const queueArn = (name: string) => `arn:aws:sqs:${deployment.region}:${deployment.accountId}:${name}`;

interface Grant {
  readonly action: string;
  readonly resource: string;
}

/** What the Lambda service does with the function's role, not the function's code. */
const isServiceGrant = (spec: FunctionSpec, { action, resource }: Grant): boolean => {
  // Writing its own logs.
  if (action === 'logs:CreateLogStream' || action === 'logs:PutLogEvents') return true;
  // The queue trigger's poller receives, deletes and reads the queue's attributes.
  const pollerActions = [
    'sqs:ReceiveMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueUrl',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
  ];
  if (spec.trigger.kind === 'queue' && pollerActions.includes(action))
    return resource === queueArn(names.queue(spec.trigger.queue, queueSpecs[spec.trigger.queue].fifo));
  // An asynchronous invoke that failed for good goes to the on-failure destination (CDK's SqsDestination).
  const destinationActions = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
  if (spec.trigger.kind === 'event' && destinationActions.includes(action))
    return resource === queueArn(names.asyncFailureDlq);
  return false;
};

const grantsOf = (documents: PolicyDocument[]): Grant[] =>
  documents
    .flatMap((d) => [d.Statement].flat())
    .filter((s: { Effect: string }) => s.Effect === 'Allow')
    .flatMap((s: { Action: string | string[]; Resource: string | string[] }) =>
      [s.Action].flat().flatMap((action) => [s.Resource].flat().map((resource) => ({ action, resource }))),
    );

describe('granted actions', () => {
  it.each(Object.entries(wiring.functions))(
    'grants %s no action its code cannot reach',
    async (name, spec) => {
      const model = await localPolicyModel(process.cwd(), deployment);
      const fn = model.functions[name];
      expect(fn).toBeDefined();
      const reachable = new Set(
        reachedCommands(path.join('functions', spec.entry, 'handler.ts')).flatMap((command) => {
          const entry = operationOfCommand(command);
          // A command the mapping does not know fails here too, so it is added to the mapping first.
          if (!entry)
            throw new Error(`${name} reaches ${command}, which infra/iam/sdk-permissions.ts does not map`);
          return entry.actions;
        }),
      );
      const granted = grantsOf(fn!.policies.map((p) => p.document))
        .filter((grant) => !isServiceGrant(spec, grant))
        .map((grant) => grant.action);
      expect([...new Set(granted)].filter((action) => !reachable.has(action)).sort()).toEqual([]);
    },
  );
});
