import { describe, expect, it } from '@jest/globals';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { resourceNames } from '../../infra/constructs/names';
import { ContextKeys, parseSettings, SettingsError } from '../../infra/constructs/settings';
import { buildConvene } from '../../infra/stacks';
import { StorageStack } from '../../infra/stacks/storage-stack';
import { functionEntries, wiring } from '../../infra/wiring';
import { buildTestApp, fixtureWiring, validContext } from './support';

const settingsWith = (changes: Record<string, unknown>) =>
  parseSettings((key) => ({ ...validContext, ...changes })[key]);

describe('settings from the CDK context', () => {
  it('reads valid context, trimming a trailing slash from the public URL and coercing the send rate', () => {
    expect(
      settingsWith({
        [ContextKeys.publicUrl]: 'https://convene.example.org/',
        [ContextKeys.sendRatePerSecond]: '14',
      }),
    ).toEqual({
      stage: 'test',
      publicUrl: 'https://convene.example.org',
      sendDailyQuota: 50000,
      sesFromAddress: 'events@convene.example.org',
      sesIdentity: 'convene.example.org',
      xSecretName: 'convene/test/x-credentials',
      sendRatePerSecond: 14,
      alarmEmail: 'ops@example.org',
    });
  });

  it('treats an empty alarm email as none', () => {
    expect(settingsWith({ [ContextKeys.alarmEmail]: '' }).alarmEmail).toBeUndefined();
  });

  it.each([
    [ContextKeys.stage, 'Prod!'],
    [ContextKeys.stage, undefined],
    [ContextKeys.publicUrl, 'http://x'],
    [ContextKeys.publicUrl, 'not a url'],
    [ContextKeys.sesFromAddress, 'events'],
    [ContextKeys.sesIdentity, 'not an identity'],
    [ContextKeys.xSecretName, 'has spaces'],
    [ContextKeys.sendRatePerSecond, 0],
    [ContextKeys.sendRatePerSecond, 'fast'],
    [ContextKeys.alarmEmail, 'ops'],
  ])('rejects %s = %j with an error naming the key', (key, value) => {
    expect(() => settingsWith({ [key]: value })).toThrow(SettingsError);
    expect(() => settingsWith({ [key]: value })).toThrow(`Invalid CDK context "${key}"`);
  });

  it('rejects a from-address the SES identity does not cover', () => {
    expect(() => settingsWith({ [ContextKeys.sesFromAddress]: 'events@elsewhere.example.com' })).toThrow(
      /convene:sesFromAddress.*must be an address of the SES identity/,
    );
    expect(
      settingsWith({ [ContextKeys.sesFromAddress]: 'events@mail.convene.example.org' }).sesIdentity,
    ).toBe('convene.example.org');
  });

  it('stops the app before building anything when the context is invalid', () => {
    const app = new App({ context: { ...validContext, [ContextKeys.stage]: 'Prod!' } });
    expect(() => buildConvene(app)).toThrow(/Invalid CDK context "convene:stage"/);
    expect(app.node.children).toHaveLength(0);
  });

  it('protects the production table from deletion', () => {
    const app = new App();
    const stack = new StorageStack(new Stack(app, 'Root'), 'Storage', {
      settings: settingsWith({ [ContextKeys.stage]: 'prod' }),
    });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
  });

  it('keeps the production link-signing key when its stack goes or it is replaced', () => {
    const app = new App();
    const stack = new StorageStack(new Stack(app, 'Root'), 'Storage', {
      settings: settingsWith({ [ContextKeys.stage]: 'prod' }),
    });
    Template.fromStack(stack).hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('protects the production stage’s one top-level stack from termination', () => {
    const { app, stacks } = buildTestApp({}, { ...validContext, [ContextKeys.stage]: 'prod' });
    expect(stacks.root.stackName).toBe('Convene-prod');
    expect(stacks.root.terminationProtection).toBe(true);
    const assembly = app.synth();
    expect(assembly.stacks.map((stack) => [stack.stackName, stack.terminationProtection])).toEqual([
      ['Convene-prod', true],
    ]);
  });

  it('refuses a queue whose visibility timeout is shorter than its consumer’s timeout', () => {
    const wiring = {
      ...fixtureWiring,
      queues: { send: { visibilityTimeoutSeconds: 20, maxReceiveCount: 5 } },
    };
    expect(() => buildTestApp({ wiring })).toThrow(/queue "send" has a visibility timeout of 20 s/);
  });

  it('names the bus rule of every event-triggered function of the wiring within EventBridge’s limit, at the longest stage allowed', () => {
    const longestStage = 'a'.repeat(20);
    expect(settingsWith({ [ContextKeys.stage]: longestStage }).stage).toBe(longestStage);
    expect(() => settingsWith({ [ContextKeys.stage]: `${longestStage}a` })).toThrow(SettingsError);
    const eventFunctions = functionEntries(wiring).filter(([, spec]) => spec.trigger.kind === 'event');
    expect(eventFunctions.map(([name]) => name)).toContain('queueRegistrationMail');
    for (const [name] of eventFunctions) {
      const ruleName = resourceNames(longestStage).busRule(name);
      expect(ruleName.length).toBeLessThanOrEqual(64);
    }
  });

  it('refuses an event-triggered function whose bus rule name would be longer than EventBridge allows', () => {
    const longName = `planRemindersFor${'Conference'.repeat(4)}`;
    const wiring = {
      ...fixtureWiring,
      functions: { ...fixtureWiring.functions, [longName]: fixtureWiring.functions.planReminders! },
    };
    expect(() => buildTestApp({ wiring })).toThrow(
      `Wiring: the bus rule of "${longName}" would be named "convene-test-${longName}"`,
    );
  });
});
