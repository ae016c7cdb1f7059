import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { NestedStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { allContracts, patternFor } from '../../events';
import { eventJsonSchema, schemaNameFor } from '../../events/json-schema';
import { CONSOLE_SESSION_HOURS } from '../../infra/constructs/console-login';
import { pascal, resourceNames } from '../../infra/constructs/names';
import { ContextKeys } from '../../infra/constructs/settings';
import { fallbackRegion } from '../../infra/stacks';
import { functionEntries } from '../../infra/wiring';
import type { Access, FunctionSpec, Trigger } from '../../infra/wiring/types';
import { EnvNames } from '../../shared/config/env';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import {
  buildTestApp,
  fixtureWiring,
  resourcesOf,
  synthConvene,
  validContext,
  type CfnJson,
  type LogicalId,
  type Synthesized,
} from './support';

type EventTrigger = Extract<Trigger, { kind: 'event' }>;
type QueueTrigger = Extract<Trigger, { kind: 'queue' }>;
type PagesTrigger = Extract<Trigger, { kind: 'pages' }>;

const withTrigger = <K extends Trigger['kind']>(kind: K): [string, FunctionSpec][] =>
  functionEntries(fixtureWiring).filter(([, spec]) => spec.trigger.kind === kind);

/** The Lambda functions of the wiring, without CDK's own (the assets bucket's auto-delete handler). */
const wiredLambdas = (...templates: Template[]) =>
  Object.fromEntries(
    templates.flatMap((template) =>
      Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).filter(([id]) =>
        id.startsWith('Functions'),
      ),
    ),
  );

/** The nested stacks functions are built in: the API's, and the console's (its functions and page routes). */
const functionStacks = (synth: Synthesized): NestedStack[] => [synth.stacks.api, synth.stacks.api.console];

/** The Lambda function built for a wiring entry (its description and log group are its own), and its stack. */
const lambdaOf = (synth: Synthesized, name: string): [string, CfnJson, NestedStack] => {
  for (const stack of functionStacks(synth)) {
    const functions = resourcesOf(synth.template(stack), 'AWS::Lambda::Function');
    const found = Object.entries(functions).find(([id]) =>
      id.startsWith(`Functions${name[0]!.toUpperCase()}${name.slice(1)}Function`),
    );
    if (found) return [found[0], found[1].Properties, stack];
  }
  throw new Error(`No Lambda function for ${name}`);
};

const routeKeyOf = (route: { method: string; path: string }): string => `${route.method} ${route.path}`;

/** The statements of the IAM policies on a function's own role (the grants add to its default policy). */
const statementsOf = (synth: Synthesized, name: string): CfnJson[] => {
  const [, fn, stack] = lambdaOf(synth, name);
  const template = synth.template(stack);
  const roleId = fn.Role['Fn::GetAtt'][0] as LogicalId;
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => isDeepStrictEqual(policy.Properties.Roles, [{ Ref: roleId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as CfnJson[]);
};

const actionsOf = (statement: CfnJson): string[] => [statement.Action].flat();

/** The logical ID of the messaging nested stack's queue of this name. */
const queueNamed = (synth: Synthesized, queueName: string): LogicalId => {
  const queues = resourcesOf(synth.template(synth.stacks.messaging), 'AWS::SQS::Queue');
  const [id] = Object.entries(queues).find(([, queue]) => queue.Properties.QueueName === queueName) ?? [];
  if (!id) throw new Error(`No queue ${queueName}`);
  return id;
};
const ruleTargetDlqOf = (synth: Synthesized): LogicalId => queueNamed(synth, 'convene-test-rule-target-dlq');

/** An ARN built with Fn::Join, as a string: `arn:${AWS::Partition}:events:...`. */
const joined = (value: CfnJson): string =>
  typeof value === 'string'
    ? value
    : (value['Fn::Join'][1] as CfnJson[])
        .map((part) => (typeof part === 'string' ? part : `\${${part.Ref}}`))
        .join('');

describe('the Convene CDK app', () => {
  let synth: Synthesized;
  let deployed: Synthesized | undefined;
  beforeAll(() => {
    synth = synthConvene({ wiring: fixtureWiring });
  });

  describe('the stacks', () => {
    it('is one top-level stack, Convene-<stage>, holding storage, identity, messaging and API as nested stacks', () => {
      // Beside it, only the small edge stack of what CloudFront takes from us-east-1 (public-address.test.ts).
      expect(synth.assembly.stacks.map((stack) => stack.stackName).sort()).toEqual([
        'Convene-test',
        'Convene-test-Edge',
      ]);
      const { root, storage, identity, messaging, api } = synth.stacks;
      for (const nested of [storage, identity, messaging, api]) {
        expect(nested.nested).toBe(true);
        expect(nested.nestedStackParent).toBe(root);
      }
      synth.template(root).resourceCountIs('AWS::CloudFormation::Stack', 4);
      // Nothing but the nested stacks (and CDK's version-reporting metadata, where it is on).
      const types = Object.values<CfnJson>(synth.template(root).toJSON().Resources).map((r) => r.Type);
      expect(new Set(types)).toEqual(
        new Set(
          types.includes('AWS::CDK::Metadata')
            ? ['AWS::CloudFormation::Stack', 'AWS::CDK::Metadata']
            : ['AWS::CloudFormation::Stack'],
        ),
      );
    });

    it('passes values between nested stacks as parameters, without exports or imports', () => {
      const { root, storage, identity, messaging, api } = synth.stacks;
      for (const stack of [root, storage, identity, messaging, api, api.console]) {
        const json = synth.template(stack).toJSON();
        expect(JSON.stringify(json)).not.toContain('Fn::ImportValue');
        for (const output of Object.values<CfnJson>(json.Outputs ?? {})) {
          expect(output.Export).toBeUndefined();
        }
      }
    });

    it('passes CloudFormation Validate as deployed (the real wiring): a finding fails the synth', () => {
      // The validation context makes each finding an error (test/infra/support.ts), so synth throws on one.
      deployed = synthConvene({}, validContext, { validate: true });
      expect(deployed.assembly.stacks.length).toBe(2);
    });

    it('keeps the API’s nested stack and the console’s within it well under CloudFormation’s 500 resources', () => {
      // As deployed: the real wiring, without the fixture's two extra functions.
      const asDeployed = (deployed ??= synthConvene());
      const counts = functionStacks(asDeployed).map((stack) => ({
        stack: stack.node.path,
        resources: Object.keys(asDeployed.template(stack).toJSON().Resources).length,
      }));
      process.stdout.write(
        `resources: ${counts.map((c) => `${c.stack} ${c.resources}`).join(', ')} (CloudFormation's limit: 500)\n`,
      );
      // A function on an HTTP route costs the API's stack 7 resources, a console page the console's 1. The API's
      // was 471 after issue 14 (audit, data report, bulk removal, the outbox sweeper, retention): 20 to spare
      // until its functions other than the console's are split into a nested stack of their own.
      for (const count of counts) {
        expect({ ...count, wellUnder500: count.resources <= 480 }).toEqual({ ...count, wellUnder500: true });
      }
    });

    it('does not protect a non-production stage from termination', () => {
      expect(synth.stacks.root.terminationProtection).toBe(false);
    });

    it('outputs the public URL, the distribution, the API URL, the user pool and its client, the bus and the alarm topic at the top level', () => {
      const outputs = synth.template(synth.stacks.root).toJSON().Outputs;
      expect(Object.keys(outputs).sort()).toEqual(
        [
          'PublicUrl',
          'DistributionDomainName',
          'AlarmTopicArn',
          'ApiUrl',
          'EventBusName',
          'UserPoolClientId',
          'UserPoolId',
        ].sort(),
      );
      for (const output of Object.values<CfnJson>(outputs)) {
        expect(JSON.stringify(output.Value)).toMatch(/NestedStackResource.*Outputs\./);
      }
    });
  });

  describe('storage', () => {
    it('builds the table from TableDesign: keys, each GSI with its projection, on-demand, PITR, TTL', () => {
      const template = synth.template(synth.stacks.storage);
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: TableDesign.partitionKey, KeyType: 'HASH' },
          { AttributeName: TableDesign.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TableDesign.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: TableDesign.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: index.projection },
        })),
      });
    });

    it('lets a non-production table go with its stack', () => {
      const template = synth.template(synth.stacks.storage);
      template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    });

    it('generates the link-signing key in Secrets Manager: 64 letters and digits, its own value', () => {
      const template = synth.template(synth.stacks.storage);
      template.resourceCountIs('AWS::SecretsManager::Secret', 1);
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        // The secret string is the key (shared/adapters/token-key.ts): no template, no key in JSON.
        GenerateSecretString: {
          PasswordLength: 64,
          ExcludePunctuation: true,
          IncludeSpace: false,
          SecretStringTemplate: Match.absent(),
          GenerateStringKey: Match.absent(),
        },
        SecretString: Match.absent(),
      });
      // Only storage holds a secret, but for the API's origin header (public-address.test.ts).
      for (const stack of [synth.stacks.identity, synth.stacks.messaging]) {
        synth.template(stack).resourceCountIs('AWS::SecretsManager::Secret', 0);
      }
      synth.template(synth.stacks.api).resourceCountIs('AWS::SecretsManager::Secret', 1);
      // No rotation: it would invalidate the links in mail already sent (see the SMG4 acknowledgement).
      template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
    });

    it('lets a non-production link-signing key go with its stack', () => {
      synth.template(synth.stacks.storage).hasResource('AWS::SecretsManager::Secret', {
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Delete',
      });
    });
  });

  describe('the HTTP API', () => {
    it('has a route for every http function and every console page, none behind an API Gateway authoriser', () => {
      const routesIn = (stack: NestedStack) =>
        Object.values(resourcesOf(synth.template(stack), 'AWS::ApiGatewayV2::Route')).map(
          (r) => r.Properties,
        );
      const apiRoutes = routesIn(synth.stacks.api);
      const pageRoutes = routesIn(synth.stacks.api.console);
      // Its 401 would be {"message":"Unauthorized"}; the functions answer API.md's error shape, or a page.
      for (const stack of functionStacks(synth)) {
        synth.template(stack).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
      }
      expect(apiRoutes.map((r) => r.RouteKey).sort()).toEqual(
        [
          ...withTrigger('http').map(([, spec]) =>
            routeKeyOf(spec.trigger as Extract<Trigger, { kind: 'http' }>),
          ),
          // What no route matches goes to the wiring's one 'unmatched' function: a page, not bare JSON.
          ...withTrigger('unmatched').map(() => '$default'),
        ].sort(),
      );
      expect(pageRoutes.map((r) => r.RouteKey).sort()).toEqual(
        withTrigger('pages')
          .flatMap(([, spec]) => (spec.trigger as PagesTrigger).routes.map(routeKeyOf))
          .sort(),
      );
      // One HTTP API: API Gateway refuses a route key twice, whichever stack adds it.
      const keys = [...apiRoutes, ...pageRoutes].map((r) => r.RouteKey as string);
      expect(keys.filter((key, at) => keys.indexOf(key) !== at)).toEqual([]);
      const [apiId] = Object.keys(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::Api'));
      for (const route of [...apiRoutes, ...pageRoutes]) {
        expect(route).toMatchObject({ AuthorizationType: 'NONE' });
        expect(route.AuthorizerId).toBeUndefined();
      }
      // The console's pages are on the same HTTP API, behind the same distribution.
      for (const route of pageRoutes) {
        expect(synth.referenceSource(synth.stacks.api.console, route.ApiId)).toEqual({
          stack: synth.stacks.api,
          value: { Ref: apiId },
        });
      }
    });

    it('answers each console area through one integration and one API-scoped permission, however many pages', () => {
      const template = synth.template(synth.stacks.api.console);
      const integrations = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Integration'));
      const permissions = Object.values(resourcesOf(template, 'AWS::Lambda::Permission'));
      const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map(
        (r) => r.Properties,
      );
      const areas = withTrigger('pages');
      expect(areas.length).toBeGreaterThan(0);
      expect(integrations).toHaveLength(areas.length);
      expect(permissions).toHaveLength(areas.length);
      for (const [name, spec] of areas) {
        const [functionId, , stack] = lambdaOf(synth, name);
        expect(stack).toBe(synth.stacks.api.console);
        const ofFunction = integrations.filter(([, integration]) =>
          isDeepStrictEqual(integration.Properties.IntegrationUri, { 'Fn::GetAtt': [functionId, 'Arn'] }),
        );
        expect({ name, integrations: ofFunction.length }).toEqual({ name, integrations: 1 });
        const [integrationId, integration] = ofFunction[0]!;
        expect(integration.Properties).toMatchObject({
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
        });
        const target = { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] };
        expect(
          routes
            .filter((route) => isDeepStrictEqual(route.Target, target))
            .map((route) => route.RouteKey)
            .sort(),
        ).toEqual((spec.trigger as PagesTrigger).routes.map(routeKeyOf).sort());
        const ofFunctionPermissions = permissions.filter((permission) =>
          isDeepStrictEqual(permission.Properties.FunctionName, { 'Fn::GetAtt': [functionId, 'Arn'] }),
        );
        expect({ name, permissions: ofFunctionPermissions.length }).toEqual({ name, permissions: 1 });
        const permission = ofFunctionPermissions[0]!.Properties;
        expect(permission).toMatchObject({
          Action: 'lambda:InvokeFunction',
          Principal: 'apigateway.amazonaws.com',
        });
        // Any route and stage of this one API: the area's function checks the route itself.
        expect(joined(permission.SourceArn)).toMatch(
          new RegExp(
            `^arn:\\$\\{AWS::Partition\\}:execute-api:${fallbackRegion}:\\$\\{AWS::AccountId\\}:\\$\\{[^}]+\\}/\\*/\\*/\\*$`,
          ),
        );
        const api = (permission.SourceArn['Fn::Join'][1] as CfnJson[]).find(
          (part) => typeof part !== 'string' && !String(part.Ref).startsWith('AWS::'),
        );
        expect(synth.referenceSource(synth.stacks.api.console, api).value).toEqual({
          Ref: Object.keys(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::Api'))[0],
        });
      }
    });

    it('points each signed-in function at the user pool and its app client, to verify JWTs itself', () => {
      const identity = synth.template(synth.stacks.identity);
      const [poolId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPool'));
      // The API's SRP client, in the identity stack; the console's is its own (next test).
      const [clientId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPoolClient'));
      const source = (value: CfnJson) => synth.referenceSource(synth.stacks.api, value);
      for (const [name, spec] of withTrigger('http')) {
        const variables = lambdaOf(synth, name)[1].Environment.Variables;
        const trigger = spec.trigger as Extract<Trigger, { kind: 'http' }>;
        // A public route verifies a token only when it takes an optional caller (an organiser's booking).
        if (trigger.auth === 'public' && trigger.optionalCaller === undefined) {
          expect({ name, issuer: variables[EnvNames.jwtIssuer] }).toEqual({ name, issuer: undefined });
          continue;
        }
        const issuer = variables[EnvNames.jwtIssuer];
        const poolParameter = (issuer['Fn::Join'][1] as CfnJson[]).find(
          (part) => typeof part !== 'string' && part.Ref !== 'AWS::Region',
        );
        expect(joined(issuer)).toMatch(
          new RegExp(`^https://cognito-idp\\.[^/]+\\.amazonaws\\.com/\\$\\{${poolParameter.Ref}\\}$`),
        );
        expect(source(poolParameter)).toEqual({ stack: synth.stacks.identity, value: { Ref: poolId } });
        expect(joined(variables[EnvNames.jwtJwksUri])).toBe(`${joined(issuer)}/.well-known/jwks.json`);
        expect(source(variables[EnvNames.jwtClientId])).toEqual({
          stack: synth.stacks.identity,
          value: { Ref: clientId },
        });
      }
    });

    it('points each console function at the console’s own app client and Cognito’s managed login', () => {
      const identity = synth.template(synth.stacks.identity);
      const [poolId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPool'));
      const [domainId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPoolDomain'));
      const [apiClientId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPoolClient'));
      const console = synth.stacks.api.console;
      const [consoleClientId] = Object.keys(
        resourcesOf(synth.template(console), 'AWS::Cognito::UserPoolClient'),
      );
      const source = (value: CfnJson) => synth.referenceSource(console, value);
      expect(withTrigger('pages').length).toBeGreaterThan(0);
      for (const [name] of withTrigger('pages')) {
        const variables = lambdaOf(synth, name)[1].Environment.Variables;
        const issuer = variables[EnvNames.jwtIssuer];
        const poolParameter = (issuer['Fn::Join'][1] as CfnJson[]).find((part) => typeof part !== 'string');
        expect(joined(issuer)).toBe(
          `https://cognito-idp.${fallbackRegion}.amazonaws.com/\${${poolParameter.Ref}}`,
        );
        expect(source(poolParameter)).toEqual({ stack: synth.stacks.identity, value: { Ref: poolId } });
        expect(joined(variables[EnvNames.jwtJwksUri])).toBe(`${joined(issuer)}/.well-known/jwks.json`);
        // An ID token's aud is the client it was issued to: the console's, never the API's SRP client.
        expect({ name, client: variables[EnvNames.jwtClientId] }).toEqual({
          name,
          client: { Ref: consoleClientId },
        });
        expect(JSON.stringify(variables)).not.toContain(apiClientId);
        const loginUrl = variables[EnvNames.consoleLoginUrl];
        const domainParameter = (loginUrl['Fn::Join'][1] as CfnJson[]).find(
          (part) => typeof part !== 'string',
        );
        expect(joined(loginUrl)).toBe(
          `https://\${${domainParameter.Ref}}.auth.${fallbackRegion}.amazoncognito.com`,
        );
        expect(source(domainParameter)).toEqual({ stack: synth.stacks.identity, value: { Ref: domainId } });
      }
      // And no other function is told where the console signs in.
      for (const [name] of functionEntries(fixtureWiring).filter(
        ([, spec]) => spec.trigger.kind !== 'pages',
      )) {
        expect({
          name,
          url: lambdaOf(synth, name)[1].Environment.Variables[EnvNames.consoleLoginUrl],
        }).toEqual({
          name,
          url: undefined,
        });
      }
    });

    it('serves the console’s sign-in from Cognito’s managed login (version 2) on a prefix of the stage and account', () => {
      const identity = synth.template(synth.stacks.identity);
      const [poolId] = Object.keys(resourcesOf(identity, 'AWS::Cognito::UserPool'));
      identity.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
      identity.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        UserPoolId: { Ref: poolId },
        // Prefixes are unique in a region across every account: the account keeps two deployments apart.
        Domain: { 'Fn::Join': ['', ['convene-test-', { Ref: 'AWS::AccountId' }]] },
        ManagedLoginVersion: 2,
        CustomDomainConfig: Match.absent(),
      });
      // Managed login shows an error page to a client without a style: Cognito's own, for the console's client.
      const console = synth.template(synth.stacks.api.console);
      const [clientId, client] = Object.entries(resourcesOf(console, 'AWS::Cognito::UserPoolClient'))[0]!;
      console.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
      console.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
        UserPoolId: client.Properties.UserPoolId,
        ClientId: { Ref: clientId },
        UseCognitoProvidedValues: true,
        Settings: Match.absent(),
        Assets: Match.absent(),
      });
      expect(synth.referenceSource(synth.stacks.api.console, client.Properties.UserPoolId)).toEqual({
        stack: synth.stacks.identity,
        value: { Ref: poolId },
      });
    });

    it('gives the console an app client of its own: the code grant with PKCE, no secret, back to the public address', () => {
      const console = synth.template(synth.stacks.api.console);
      const clients = Object.values(resourcesOf(console, 'AWS::Cognito::UserPoolClient'));
      expect(clients).toHaveLength(1);
      const client = clients[0]!.Properties;
      const [distributionId] = Object.keys(
        resourcesOf(synth.template(synth.stacks.api), 'AWS::CloudFront::Distribution'),
      );
      const publicUrlOf = (url: CfnJson, path: string) => {
        const [scheme, domain, rest] = url['Fn::Join'][1] as CfnJson[];
        expect({ scheme, rest }).toEqual({ scheme: 'https://', rest: path });
        expect(synth.referenceSource(synth.stacks.api.console, domain)).toEqual({
          stack: synth.stacks.api,
          value: { 'Fn::GetAtt': [distributionId, 'DomainName'] },
        });
      };
      expect(client).toMatchObject({
        // The authorization code grant only; PKCE is what a public client's code is bound with.
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        SupportedIdentityProviders: ['COGNITO'],
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        // A conference day on one sign-in, within Cognito's limit of a day.
        IdTokenValidity: CONSOLE_SESSION_HOURS * 60,
        TokenValidityUnits: { IdToken: 'minutes' },
      });
      expect(CONSOLE_SESSION_HOURS).toBeGreaterThanOrEqual(10);
      expect(CONSOLE_SESSION_HOURS).toBeLessThanOrEqual(24);
      expect(client.CallbackURLs).toHaveLength(1);
      publicUrlOf(client.CallbackURLs[0], '/console/callback');
      expect(client.LogoutURLs).toHaveLength(1);
      publicUrlOf(client.LogoutURLs[0], '/console/signed-out');
      // The API's client keeps to SRP, without OAuth.
      const [apiClient] = Object.values(
        resourcesOf(synth.template(synth.stacks.identity), 'AWS::Cognito::UserPoolClient'),
      );
      expect(apiClient!.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
    });

    it('logs every request and throttles the default stage', () => {
      synth.template(synth.stacks.api).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
        DefaultRouteSettings: {
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        },
      });
    });

    it('has the groups organisers and comms in a user pool that requires MFA', () => {
      const template = synth.template(synth.stacks.identity);
      template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
      const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map(
        (g) => g.Properties.GroupName,
      );
      expect(groups.sort()).toEqual(['comms', 'organisers']);
    });
  });

  describe('functions', () => {
    it('are tested on a wiring with every kind of trigger and every kind of access', () => {
      const specs = functionEntries(fixtureWiring).map(([, spec]) => spec);
      const triggers = new Set(specs.map((spec) => spec.trigger.kind));
      const accesses = new Set(specs.flatMap((spec) => Object.keys(spec.access)));
      const everyTrigger: { [K in Trigger['kind']]: K } = {
        http: 'http',
        pages: 'pages',
        event: 'event',
        queue: 'queue',
        schedule: 'schedule',
        unmatched: 'unmatched',
      };
      const everyAccess: { [K in keyof Access]-?: K } = {
        table: 'table',
        bus: 'bus',
        scheduler: 'scheduler',
        sendQueue: 'sendQueue',
        placesQueue: 'placesQueue',
        ses: 'ses',
        xCredentials: 'xCredentials',
        tokens: 'tokens',
        sendingLimits: 'sendingLimits',
        pages: 'pages',
        sender: 'sender',
        teamMembers: 'teamMembers',
        retention: 'retention',
      };
      expect([...triggers].sort()).toEqual(Object.values(everyTrigger).sort());
      expect([...accesses].sort()).toEqual(Object.values(everyAccess).sort());
    });

    it('builds one Node.js 24 arm64 function per wiring entry, each with its own log group', () => {
      // Every link in mail starts with the distribution's address.
      const [distributionId] = Object.keys(
        resourcesOf(synth.template(synth.stacks.api), 'AWS::CloudFront::Distribution'),
      );
      const domainName = { 'Fn::GetAtt': [distributionId, 'DomainName'] };
      const functions = Object.values(wiredLambdas(...functionStacks(synth).map(synth.template)));
      expect(functions).toHaveLength(functionEntries(fixtureWiring).length);
      for (const [name] of functionEntries(fixtureWiring)) {
        const [, fn, stack] = lambdaOf(synth, name);
        expect(fn.Runtime).toBe('nodejs24.x');
        expect(fn.Architectures).toEqual(['arm64']);
        expect(fn.Environment.Variables).toMatchObject({
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: 'convene',
          POWERTOOLS_METRICS_NAMESPACE: 'Convene',
          [EnvNames.stage]: 'test',
        });
        const [scheme, domain] = fn.Environment.Variables[EnvNames.publicUrl]['Fn::Join'][1] as CfnJson[];
        expect(scheme).toBe('https://');
        // The console's stack is given the domain by the API's, which holds the distribution.
        expect(stack === synth.stacks.api ? domain : synth.referenceSource(stack, domain).value).toEqual(
          domainName,
        );
        const logGroupId = fn.LoggingConfig.LogGroup.Ref as string;
        const logGroups = resourcesOf(synth.template(stack), 'AWS::Logs::LogGroup');
        expect(logGroups[logGroupId]?.Properties.RetentionInDays).toBeGreaterThan(0);
      }
    });

    it('uses the wiring memory and timeout, and 512 MB / 10 s otherwise', () => {
      expect(lambdaOf(synth, 'getOpenApi')[1]).toMatchObject({ MemorySize: 256, Timeout: 10 });
      expect(lambdaOf(synth, 'createEvent')[1]).toMatchObject({ MemorySize: 512, Timeout: 10 });
      expect(lambdaOf(synth, 'sendMail')[1]).toMatchObject({ Timeout: 30 });
    });

    it('reserves no concurrency by default, so a new account’s quota admits the deployment', () => {
      for (const [name] of functionEntries(fixtureWiring)) {
        expect({ name, reserved: lambdaOf(synth, name)[1].ReservedConcurrentExecutions }).toEqual({
          name,
          reserved: undefined,
        });
      }
    });

    it('reserves exactly the concurrency convene:reservedConcurrency asks for', () => {
      const reserved = synthConvene(
        { wiring: fixtureWiring },
        { ...validContext, [ContextKeys.reservedConcurrency]: { decidePlaces: 50 } },
      );
      expect(lambdaOf(reserved, 'decidePlaces')[1]).toMatchObject({ ReservedConcurrentExecutions: 50 });
      expect(lambdaOf(reserved, 'createEvent')[1].ReservedConcurrentExecutions).toBeUndefined();
    });

    it('sets exactly the environment variables of each access kind', () => {
      const base = [
        'NODE_OPTIONS',
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_METRICS_NAMESPACE',
        'STAGE',
        'PUBLIC_URL',
      ];
      const variablesOf: { [K in keyof Access]-?: string[] } = {
        table: [EnvNames.tableName],
        bus: [EnvNames.eventBusName],
        scheduler: [
          EnvNames.scheduleGroupName,
          EnvNames.schedulerRoleArn,
          EnvNames.scheduleTargetArn,
          EnvNames.scheduleDlqArn,
        ],
        sendQueue: [EnvNames.sendQueueUrl],
        placesQueue: [EnvNames.placesQueueUrl],
        ses: [EnvNames.sesFromAddress, EnvNames.sesConfigurationSet, EnvNames.sendRatePerSecond],
        xCredentials: [EnvNames.xCredentialsSecret],
        tokens: [EnvNames.tokenSecretArn],
        sendingLimits: [EnvNames.sendRatePerSecond, EnvNames.sendDailyQuota],
        pages: [EnvNames.pageAssets],
        sender: [EnvNames.sesFromAddress],
        teamMembers: [EnvNames.userPoolId],
        retention: [EnvNames.dataRetentionDays, EnvNames.needsRetentionDays],
      };
      for (const [name, spec] of functionEntries(fixtureWiring)) {
        const expected = [
          ...(Object.keys(spec.access) as (keyof Access)[]).flatMap((kind) => variablesOf[kind]),
          ...(spec.trigger.kind === 'queue' ? [EnvNames.queueMaxReceiveCount, EnvNames.sendConcurrency] : []),
          ...(spec.trigger.kind === 'http' ||
          spec.trigger.kind === 'pages' ||
          spec.trigger.kind === 'unmatched'
            ? [EnvNames.originVerifyHeader, EnvNames.originVerifySecret]
            : []),
          // An HTTP route's audience, from its wiring trigger (route-audience.ts).
          ...(spec.trigger.kind === 'http'
            ? [EnvNames.routeAuth, ...(spec.trigger.optionalCaller ? [EnvNames.routeOptionalCaller] : [])]
            : spec.trigger.kind === 'unmatched'
              ? [EnvNames.routeAuth]
              : []),
          // What an HTTP route records in the event's audit, from its wiring trigger (audit-declaration.ts).
          ...(spec.trigger.kind === 'http' && spec.trigger.audit ? [EnvNames.auditAction] : []),
          // A signed-in route's function verifies the caller's JWT against the user pool.
          ...(spec.trigger.kind === 'http' &&
          (spec.trigger.auth !== 'public' || spec.trigger.optionalCaller !== undefined)
            ? [EnvNames.jwtIssuer, EnvNames.jwtJwksUri, EnvNames.jwtClientId]
            : []),
          // A console area verifies the session cookie's token, and its sign-in goes to Cognito's managed login.
          ...(spec.trigger.kind === 'pages'
            ? [EnvNames.jwtIssuer, EnvNames.jwtJwksUri, EnvNames.jwtClientId, EnvNames.consoleLoginUrl]
            : []),
        ];
        const actual = Object.keys(lambdaOf(synth, name)[1].Environment.Variables);
        expect({ name, variables: actual.sort() }).toEqual({
          name,
          variables: [...base, ...expected].sort(),
        });
      }
    });

    it('lets a function granted tokens read exactly the link-signing key, and gives it the key’s ARN', () => {
      const [secretId] = Object.keys(
        resourcesOf(synth.template(synth.stacks.storage), 'AWS::SecretsManager::Secret'),
      );
      const granted = functionEntries(fixtureWiring).filter(([, spec]) => spec.access.tokens === 'sign');
      expect(granted.length).toBeGreaterThan(0);
      for (const [name, spec] of functionEntries(fixtureWiring)) {
        const variables = lambdaOf(synth, name)[1].Environment.Variables;
        const secretStatements = statementsOf(synth, name).filter((statement) =>
          actionsOf(statement).some((action) => action.startsWith('secretsmanager:')),
        );
        if (spec.access.tokens !== 'sign') {
          expect({ name, arn: variables[EnvNames.tokenSecretArn] }).toEqual({ name, arn: undefined });
          // The only other secret a function may read is the X credentials, by name.
          for (const statement of secretStatements) {
            expect(JSON.stringify(statement.Resource)).toContain(
              `:secret:${validContext[ContextKeys.xSecretName]}-`,
            );
          }
          continue;
        }
        const arn = variables[EnvNames.tokenSecretArn];
        // A Secret's Ref is its full ARN; the API's nested stack (and the console's) gets it from storage as a parameter.
        expect(synth.referenceSource(lambdaOf(synth, name)[2], arn)).toEqual({
          stack: synth.stacks.storage,
          value: { Ref: secretId },
        });
        const onKey = secretStatements.filter((statement) => isDeepStrictEqual(statement.Resource, arn));
        expect({ name, statements: onKey }).toEqual({
          name,
          statements: [
            {
              Effect: 'Allow',
              Action: 'secretsmanager:GetSecretValue',
              Resource: arn,
            },
          ],
        });
        // Nothing else in Secrets Manager unless the wiring also grants the X credentials.
        expect(secretStatements).toHaveLength(spec.access.xCredentials === undefined ? 1 : 2);
      }
    });

    it('tells every function granted ses the send rate from convene:sendRatePerSecond', () => {
      const sesFunctions = functionEntries(fixtureWiring).filter(([, spec]) => spec.access.ses === 'send');
      expect(sesFunctions.length).toBeGreaterThan(0);
      for (const [name] of sesFunctions) {
        expect({
          name,
          rate: lambdaOf(synth, name)[1].Environment.Variables[EnvNames.sendRatePerSecond],
        }).toEqual({
          name,
          rate: String(validContext[ContextKeys.sendRatePerSecond]),
        });
      }
      // From the setting, not a constant: another rate (as `-c` gives it, a string) reaches the same variable.
      const context = { ...validContext, [ContextKeys.sendRatePerSecond]: '2.5' };
      const { stacks } = buildTestApp({ wiring: fixtureWiring }, context);
      expect(stacks.settings.sendRatePerSecond).toBe(2.5);
      const functions = Object.values(
        wiredLambdas(Template.fromStack(stacks.api), Template.fromStack(stacks.api.console)),
      );
      const rates = functions.map((fn) => fn.Properties.Environment.Variables[EnvNames.sendRatePerSecond]);
      const planners = functionEntries(fixtureWiring).filter(
        ([, spec]) => spec.access.sendingLimits === 'read',
      );
      expect(rates.filter((rate) => rate !== undefined)).toEqual(
        [...sesFunctions, ...planners].map(() => '2.5'),
      );
    });

    it('lets a scheduling function manage only its group’s schedules and pass the scheduler role', () => {
      const template = synth.template(synth.stacks.api);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
              Resource: { 'Fn::Join': ['', Match.arrayWith([':schedule/convene-test/*'])] },
            }),
            Match.objectLike({
              Action: 'iam:PassRole',
              Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
            }),
          ]),
        },
      });
    });
  });

  describe('event triggers', () => {
    it('builds a rule on the Convene bus from the contracts, with a retry policy and a DLQ', () => {
      const template = synth.template(synth.stacks.api);
      // The bus's rules; a 'schedule' trigger's rate rule lives on the default bus (test/infra/outbox.test.ts).
      const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule'))
        .map((r) => r.Properties)
        .filter((rule) => rule.EventBusName !== undefined);
      const messaging = synth.template(synth.stacks.messaging);
      const [busId] = Object.keys(resourcesOf(messaging, 'AWS::Events::EventBus'));
      const ruleTargetDlqId = ruleTargetDlqOf(synth);
      const eventFunctions = withTrigger('event');
      expect(rules).toHaveLength(eventFunctions.length);
      for (const [name, spec] of eventFunctions) {
        const trigger = spec.trigger as EventTrigger;
        const expected = {
          ...patternFor(trigger.events),
          ...(trigger.detail ? { detail: trigger.detail } : {}),
        };
        // By name: two functions may listen for the same events (RegistrationCancelled has two listeners).
        const rule = rules.find((r) => r.Name === `convene-test-${name}`);
        expect(rule).toBeDefined();
        expect(rule.EventPattern).toEqual(expected);
        expect(rule.EventBusName).toEqual({ Ref: expect.stringMatching(/Messaging.*Bus/) });
        expect(synth.referenceSource(synth.stacks.api, rule.EventBusName)).toEqual({
          stack: synth.stacks.messaging,
          value: { Ref: busId },
        });
        expect(rule.Targets).toHaveLength(1);
        expect(rule.Targets[0].RetryPolicy).toEqual({
          MaximumRetryAttempts: fixtureWiring.busRetryAttempts,
          MaximumEventAgeInSeconds: fixtureWiring.busMaximumEventAgeSeconds,
        });
        expect(JSON.stringify(rule.Targets[0].DeadLetterConfig.Arn)).toMatch(/RuleTargetDlq/);
        expect(synth.referenceSource(synth.stacks.api, rule.Targets[0].DeadLetterConfig.Arn)).toEqual({
          stack: synth.stacks.messaging,
          value: { 'Fn::GetAtt': [ruleTargetDlqId, 'Arn'] },
        });
      }
    });

    it('gives an event-triggered function async retries and an on-failure destination', () => {
      const template = synth.template(synth.stacks.api);
      for (const [name] of withTrigger('event')) {
        const [functionId] = lambdaOf(synth, name);
        template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: functionId },
          MaximumRetryAttempts: 2,
          DestinationConfig: {
            OnFailure: { Destination: { Ref: Match.stringLikeRegexp('Messaging.*AsyncFailureDlq.*Arn') } },
          },
        });
        const config = Object.values(resourcesOf(template, 'AWS::Lambda::EventInvokeConfig')).find(
          (c) => c.Properties.FunctionName.Ref === functionId,
        );
        expect(
          synth.referenceSource(synth.stacks.api, config?.Properties.DestinationConfig.OnFailure.Destination),
        ).toEqual({
          stack: synth.stacks.messaging,
          value: { 'Fn::GetAtt': [queueNamed(synth, 'convene-test-async-failure-dlq'), 'Arn'] },
        });
      }
    });
  });

  describe('the rule-target DLQ', () => {
    it('lets exactly the rules that use it send to it, each named by its ARN', () => {
      const messaging = synth.template(synth.stacks.messaging);
      const dlqId = ruleTargetDlqOf(synth);
      const policies = Object.values(resourcesOf(messaging, 'AWS::SQS::QueuePolicy')).filter((p) =>
        isDeepStrictEqual(p.Properties.Queues, [{ Ref: dlqId }]),
      );
      expect(policies).toHaveLength(1);
      const allows = (policies[0]!.Properties.PolicyDocument.Statement as CfnJson[]).filter(
        (statement) => statement.Effect === 'Allow',
      );
      for (const statement of allows) {
        expect(statement).toMatchObject({
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] },
        });
        // Each rule by its exact ARN: no ArnLike, no wildcard.
        expect(Object.keys(statement.Condition)).toEqual(['ArnEquals']);
        expect(Object.keys(statement.Condition.ArnEquals)).toEqual(['aws:SourceArn']);
      }
      const admitted = allows
        .flatMap((statement) => [statement.Condition.ArnEquals['aws:SourceArn']].flat())
        .map((arn: CfnJson) => (typeof arn === 'object' && 'Fn::GetAtt' in arn ? arn : joined(arn)));
      for (const arn of admitted) expect(JSON.stringify(arn)).not.toContain('*');

      // The functions' rules, in the API's nested stack, by name; the messaging rules that use it, by reference.
      const usesDlq = (rule: CfnJson, dlq: CfnJson) =>
        (rule.Properties.Targets as CfnJson[]).some((target) =>
          isDeepStrictEqual(target.DeadLetterConfig?.Arn, dlq),
        );
      const apiRules = Object.values(
        resourcesOf(synth.template(synth.stacks.api), 'AWS::Events::Rule'),
      ).filter((rule) => rule.Properties.EventBusName !== undefined);
      const messagingRules = Object.entries(resourcesOf(messaging, 'AWS::Events::Rule')).filter(([, rule]) =>
        usesDlq(rule, { 'Fn::GetAtt': [dlqId, 'Arn'] }),
      );
      expect(messagingRules.length).toBeGreaterThan(0);
      const expected = [
        ...apiRules.map(
          (rule) =>
            `arn:\${AWS::Partition}:events:${fallbackRegion}:\${AWS::AccountId}:rule/convene-test/${rule.Properties.Name}`,
        ),
        ...messagingRules.map(([id]) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
      ];
      const sorted = (values: CfnJson[]) => values.map((v) => JSON.stringify(v)).sort();
      expect(sorted(admitted)).toEqual(sorted(expected));
      expect(apiRules).toHaveLength(withTrigger('event').length);
    });
  });

  describe('queue triggers', () => {
    it('maps the queue to its consumer with partial batch responses', () => {
      const template = synth.template(synth.stacks.api);
      for (const [name, spec] of withTrigger('queue')) {
        const trigger = spec.trigger as QueueTrigger;
        const [functionId] = lambdaOf(synth, name);
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: functionId },
          EventSourceArn: { Ref: Match.stringLikeRegexp(`Messaging.*${pascal(trigger.queue)}Queue.*Arn`) },
          BatchSize: trigger.batchSize,
          MaximumBatchingWindowInSeconds: trigger.maxBatchingWindowSeconds ?? Match.absent(),
          ScalingConfig:
            trigger.maxConcurrency === undefined
              ? Match.absent()
              : { MaximumConcurrency: trigger.maxConcurrency },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
        const mapping = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).find(
          (m) => m.Properties.FunctionName.Ref === functionId,
        );
        expect(synth.referenceSource(synth.stacks.api, mapping?.Properties.EventSourceArn)).toEqual({
          stack: synth.stacks.messaging,
          value: {
            'Fn::GetAtt': [
              queueNamed(
                synth,
                resourceNames('test').queue(trigger.queue, fixtureWiring.queues[trigger.queue].fifo),
              ),
              'Arn',
            ],
          },
        });
      }
    });

    it('gives the send queue the wiring visibility timeout and DLQ redrive', () => {
      const template = synth.template(synth.stacks.messaging);
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      const send = Object.values(queues).find((q) => q.Properties.QueueName === 'convene-test-send');
      expect(send?.Properties).toMatchObject({
        VisibilityTimeout: fixtureWiring.queues.send.visibilityTimeoutSeconds,
        RedrivePolicy: { maxReceiveCount: fixtureWiring.queues.send.maxReceiveCount },
        SqsManagedSseEnabled: true,
      });
    });
  });

  describe('messaging', () => {
    it('archives the bus and logs every event on it', () => {
      const template = synth.template(synth.stacks.messaging);
      template.hasResourceProperties('AWS::Events::Archive', {
        EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
      });
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
        EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::Join': ['', Match.arrayWith([':log-group:'])] },
            DeadLetterConfig: Match.anyValue(),
            RetryPolicy: Match.anyValue(),
          }),
        ],
      });
      template.resourceCountIs('AWS::Logs::ResourcePolicy', 1);
    });

    it('alarms on every dead-letter queue, to the alarm topic', () => {
      const template = synth.template(synth.stacks.messaging);
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
      const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
      const deadLetterQueues = Object.entries(queues).filter(
        ([id, q]) => /dlq/i.test(id) || /dlq/i.test(String(q.Properties.QueueName)),
      );
      // The send and places DLQs, the rule-target DLQ, the scheduler DLQ and the async-failure queue.
      expect(deadLetterQueues).toHaveLength(5);
      // Every queue something redrives into is named as a DLQ.
      const redriveTargets = Object.values(queues).flatMap((q) =>
        q.Properties.RedrivePolicy ? [q.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]] : [],
      );
      for (const id of redriveTargets) expect(deadLetterQueues.map(([dlqId]) => dlqId)).toContain(id);
      for (const [id] of deadLetterQueues) {
        const alarm = alarms.find((a) =>
          a.Dimensions?.some((d: CfnJson) => d.Name === 'QueueName' && d.Value['Fn::GetAtt']?.[0] === id),
        );
        expect(alarm).toMatchObject({
          MetricName: 'ApproximateNumberOfMessagesVisible',
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          AlarmActions: [{ Ref: topicId }],
        });
      }
    });

    it('makes every queue SSL-only and encrypted', () => {
      const template = synth.template(synth.stacks.messaging);
      for (const queue of Object.values(resourcesOf(template, 'AWS::SQS::Queue'))) {
        expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      }
      const policies = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy'));
      expect(policies).toHaveLength(Object.keys(resourcesOf(template, 'AWS::SQS::Queue')).length);
      for (const policy of policies) {
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        );
      }
    });

    it('emails the alarm topic’s subscriber when an alarm email is set', () => {
      synth.template(synth.stacks.messaging).hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.org',
      });
    });

    it('lets the scheduler role put events on the bus and send to the scheduler DLQ', () => {
      const template = synth.template(synth.stacks.messaging);
      const roles = resourcesOf(template, 'AWS::IAM::Role');
      const [roleId] = Object.entries(roles).find(([, role]) =>
        JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
      )!;
      const [busId] = Object.keys(resourcesOf(template, 'AWS::Events::EventBus'));
      const schedulerDlqId = Object.keys(resourcesOf(template, 'AWS::SQS::Queue')).find((id) =>
        id.startsWith('SchedulerDlq'),
      );
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }),
            Match.objectLike({
              Action: Match.arrayWith(['sqs:SendMessage']),
              Resource: { 'Fn::GetAtt': [schedulerDlqId, 'Arn'] },
            }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'convene-test' });
    });

    it('publishes one JSON Schema (draft 4) per event contract to the schema registry', () => {
      const template = synth.template(synth.stacks.messaging);
      template.resourceCountIs('AWS::EventSchemas::Registry', 1);
      const schemas = Object.values(resourcesOf(template, 'AWS::EventSchemas::Schema')).map(
        (s) => s.Properties,
      );
      expect(schemas).toHaveLength(allContracts.length);
      for (const contract of allContracts) {
        const schema = schemas.find((s) => s.SchemaName === schemaNameFor(contract));
        expect(schema?.Type).toBe('JSONSchemaDraft4');
        expect(JSON.parse(schema.Content)).toEqual(eventJsonSchema(contract));
      }
    });

    it('sends SES events to the default bus, and a rule there forwards them to the Convene bus', () => {
      const template = synth.template(synth.stacks.messaging);
      template.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'convene-test' });
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          EventBridgeDestination: {
            EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] },
          },
          MatchingEventTypes: Match.arrayWith(['send', 'bounce', 'complaint']),
        },
      });
      const [busId] = Object.keys(resourcesOf(template, 'AWS::Events::EventBus'));
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: Match.absent(),
        EventPattern: {
          source: ['aws.ses'],
          detail: { mail: { tags: { 'ses:configuration-set': ['convene-test'] } } },
        },
        Targets: [
          Match.objectLike({ Arn: { 'Fn::GetAtt': [busId, 'Arn'] }, DeadLetterConfig: Match.anyValue() }),
        ],
      });
    });
  });
});
