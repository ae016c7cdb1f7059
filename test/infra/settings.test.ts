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
  it('reads valid context, coercing the send rate, with no custom domain and nothing reserved by default', () => {
    expect(settingsWith({ [ContextKeys.sendRatePerSecond]: '14' })).toEqual({
      stage: 'test',
      sendDailyQuota: 50000,
      sesFromAddress: 'events@convene.example.org',
      sesIdentity: 'convene.example.org',
      xSecretName: 'convene/test/x-credentials',
      sendRatePerSecond: 14,
      alarmEmail: 'ops@example.org',
      domain: undefined,
      reservedConcurrency: {},
      controller: undefined,
      dataRetentionDays: 180,
      needsRetentionDays: 30,
    });
  });

  it("reads the privacy notice's controller from cdk.json (an object) or the command line (its JSON)", () => {
    const alliance = { name: 'Pennine Schools Alliance', email: 'privacy@pennine.example.org' };
    expect(settingsWith({ [ContextKeys.controller]: alliance }).controller).toEqual(alliance);
    expect(settingsWith({ [ContextKeys.controller]: JSON.stringify(alliance) }).controller).toEqual(alliance);
  });

  it('treats an empty alarm email as none', () => {
    expect(settingsWith({ [ContextKeys.alarmEmail]: '' }).alarmEmail).toBeUndefined();
  });

  it.each([
    [ContextKeys.stage, 'Prod!'],
    [ContextKeys.stage, undefined],
    [ContextKeys.domainName, 'not a domain'],
    [ContextKeys.certificateArn, 'arn:aws:acm:us-east-1:123456789012:certificate/abc'],
    [ContextKeys.originCertificateArn, 'arn:aws:acm:eu-west-2:123456789012:certificate/abc'],
    [ContextKeys.reservedConcurrency, '{"decidePlaces": 0}'],
    [ContextKeys.reservedConcurrency, { decidePlaces: 2.5 }],
    [ContextKeys.reservedConcurrency, 'decidePlaces=10'],
    [ContextKeys.sesFromAddress, 'events'],
    [ContextKeys.sesIdentity, 'not an identity'],
    [ContextKeys.xSecretName, 'has spaces'],
    [ContextKeys.sendRatePerSecond, 0],
    [ContextKeys.sendRatePerSecond, 'fast'],
    [ContextKeys.alarmEmail, 'ops'],
    [ContextKeys.controller, '{"name": "Alliance"}'],
    [ContextKeys.controller, 'Pennine Schools Alliance'],
    [ContextKeys.controller, { name: 'Alliance', email: 'not an address' }],
  ])('rejects %s = %j with an error naming the key', (key, value) => {
    expect(() => settingsWith({ [key]: value })).toThrow(SettingsError);
    expect(() => settingsWith({ [key]: value })).toThrow(`Invalid CDK context "${key}"`);
  });

  it('stops on the retired convene:publicUrl, since the public address is now derived', () => {
    expect(() => settingsWith({ 'convene:publicUrl': 'https://convene.example.org' })).toThrow(
      /Invalid CDK context "convene:publicUrl": is no longer read: links use the CloudFront distribution's address/,
    );
  });

  describe('a custom domain', () => {
    const cloudFrontCertificate = 'arn:aws:acm:us-east-1:123456789012:certificate/1111-2222';
    const regionalCertificate = 'arn:aws:acm:eu-west-2:123456789012:certificate/3333-4444';

    it('is a name with its us-east-1 certificate, and optionally a regional one for the origin', () => {
      expect(
        settingsWith({
          [ContextKeys.domainName]: 'Events.Example.org',
          [ContextKeys.certificateArn]: cloudFrontCertificate,
        }).domain,
      ).toEqual({ name: 'events.example.org', certificateArn: cloudFrontCertificate });
      expect(
        settingsWith({
          [ContextKeys.domainName]: 'events.example.org',
          [ContextKeys.certificateArn]: cloudFrontCertificate,
          [ContextKeys.originCertificateArn]: regionalCertificate,
        }).domain,
      ).toEqual({
        name: 'events.example.org',
        certificateArn: cloudFrontCertificate,
        originCertificateArn: regionalCertificate,
      });
    });

    it('needs its certificate, in us-east-1', () => {
      expect(() => settingsWith({ [ContextKeys.domainName]: 'events.example.org' })).toThrow(
        /"convene:certificateArn": is required with convene:domainName: an ACM certificate for events.example.org in us-east-1/,
      );
      expect(() =>
        settingsWith({
          [ContextKeys.domainName]: 'events.example.org',
          [ContextKeys.certificateArn]: regionalCertificate,
        }),
      ).toThrow(/"convene:certificateArn": must be a certificate in us-east-1/);
    });

    it('refuses a certificate without a domain name', () => {
      expect(() => settingsWith({ [ContextKeys.certificateArn]: cloudFrontCertificate })).toThrow(
        /"convene:certificateArn": is only used with convene:domainName/,
      );
    });

    it('refuses an origin certificate outside the region of the API', () => {
      const context = {
        ...validContext,
        [ContextKeys.domainName]: 'events.example.org',
        [ContextKeys.certificateArn]: cloudFrontCertificate,
        [ContextKeys.originCertificateArn]: 'arn:aws:acm:eu-west-1:123456789012:certificate/5555',
      };
      expect(() => buildTestApp({ env: { region: 'eu-west-2' } }, context)).toThrow(
        /"convene:originCertificateArn": must be a certificate in eu-west-2, the region of the API/,
      );
    });
  });

  describe('reserved concurrency', () => {
    it('is read from an object (cdk.json) or a JSON string (-c on the command line)', () => {
      expect(
        settingsWith({ [ContextKeys.reservedConcurrency]: { decidePlaces: 50 } }).reservedConcurrency,
      ).toEqual({ decidePlaces: 50 });
      expect(
        settingsWith({ [ContextKeys.reservedConcurrency]: '{"decidePlaces": 50}' }).reservedConcurrency,
      ).toEqual({ decidePlaces: 50 });
    });

    it('names only functions of the wiring', () => {
      const context = { ...validContext, [ContextKeys.reservedConcurrency]: { allocatePlace: 50 } };
      expect(() => buildTestApp({}, context)).toThrow(
        /Invalid CDK context "convene:reservedConcurrency": names no function of the wiring: allocatePlace \(the functions are .*decidePlaces/,
      );
    });
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

  it('protects the production stage’s top-level stack and its edge stack from termination', () => {
    const { app, stacks } = buildTestApp({}, { ...validContext, [ContextKeys.stage]: 'prod' });
    expect(stacks.root.stackName).toBe('Convene-prod');
    expect(stacks.root.terminationProtection).toBe(true);
    const assembly = app.synth();
    expect(assembly.stacks.map((stack) => [stack.stackName, stack.terminationProtection]).sort()).toEqual([
      ['Convene-prod', true],
      ['Convene-prod-Edge', true],
    ]);
  });

  it('refuses a queue whose visibility timeout is shorter than its consumer’s timeout', () => {
    const wiring = {
      ...fixtureWiring,
      queues: { ...fixtureWiring.queues, send: { visibilityTimeoutSeconds: 20, maxReceiveCount: 5 } },
    };
    expect(() => buildTestApp({ wiring })).toThrow(/queue "send" has a visibility timeout of 20 s/);
  });

  it('refuses a send rate at which the sender’s batch would not go within its timeout', () => {
    const context = { ...validContext, [ContextKeys.sendRatePerSecond]: '1' };
    expect(() => buildTestApp({ wiring: fixtureWiring }, context)).toThrow(
      /"sendMail" sends a batch of 10 at 1\/s over 5 instances, 50 s a batch, not within its 30 s timeout/,
    );
    const slower = { ...validContext, [ContextKeys.sendRatePerSecond]: '2' };
    expect(() => buildTestApp({ wiring: fixtureWiring }, slower)).not.toThrow();
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
