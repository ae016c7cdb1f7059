import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ContextKeys, parseSettings, SettingsError } from '../../infra/constructs/settings';
import { buildConvene } from '../../infra/stacks';
import { StorageStack } from '../../infra/stacks/storage-stack';
import { fixtureWiring, validContext } from './support';

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
    const stack = new StorageStack(app, 'Storage', {
      settings: settingsWith({ [ContextKeys.stage]: 'prod' }),
    });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
  });

  it('refuses a queue whose visibility timeout is shorter than its consumer’s timeout', () => {
    const app = new App({ context: { ...validContext, 'aws:cdk:bundling-stacks': [] } });
    const wiring = {
      ...fixtureWiring,
      queues: { send: { visibilityTimeoutSeconds: 20, maxReceiveCount: 5 } },
    };
    expect(() => buildConvene(app, { wiring })).toThrow(/queue "send" has a visibility timeout of 20 s/);
  });
});
