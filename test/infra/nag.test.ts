import { describe, expect, it } from '@jest/globals';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fixtureWiring, synthConvene } from './support';

/** Every AwsSolutions finding (error or warning) no acknowledgement covers, per stack. */
const unacknowledged = (wiring?: typeof fixtureWiring) => {
  // Synthesis runs the checks too and throws on a finding; the per-stack report says which.
  const { stacks } = synthConvene(wiring ? { wiring } : {});
  const checks = new AwsSolutionsChecks();
  return Object.fromEntries(
    [stacks.storage, stacks.identity, stacks.messaging, stacks.api].map((stack) => [
      stack.stackName,
      checks.validateScope(stack).violations.map((v) => ({
        rule: v.ruleName,
        severity: v.severity,
        at: v.violatingResources.map((r) => r.constructPath),
      })),
    ]),
  );
};

describe('cdk-nag AwsSolutions checks', () => {
  it('find nothing unacknowledged in the app as wired today', () => {
    expect(unacknowledged()).toEqual({
      'Convene-test-Storage': [],
      'Convene-test-Identity': [],
      'Convene-test-Messaging': [],
      'Convene-test-Api': [],
    });
  });

  it('find nothing unacknowledged with event and queue triggers and every kind of access', () => {
    expect(unacknowledged(fixtureWiring)).toEqual({
      'Convene-test-Storage': [],
      'Convene-test-Identity': [],
      'Convene-test-Messaging': [],
      'Convene-test-Api': [],
    });
  });
});
