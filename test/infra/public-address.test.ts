import { beforeAll, describe, expect, it } from '@jest/globals';
import { assetsPathPattern, originVerifyHeader } from '../../infra/constructs/public-address';
import { ContextKeys } from '../../infra/constructs/settings';
import { pathsRegex, rateLimitedBody } from '../../infra/constructs/web-acl';
import { fallbackRegion } from '../../infra/stacks';
import { publicWrites } from '../../infra/wiring/public-writes';
import { functionEntries, wiring } from '../../infra/wiring';
import { answersHttp } from '../../infra/wiring/types';
import { EnvNames } from '../../shared/config/env';
import { resourcesOf, synthConvene, validContext, type CfnJson, type Synthesized } from './support';

/** CloudFront's managed policies, by the IDs AWS documents for them. */
const managed = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  allViewerAndCloudFrontHeaders: '33f36d7e-f396-46d9-90e0-52428a34d9dc',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
};

const cloudFrontCertificate = 'arn:aws:acm:us-east-1:123456789012:certificate/1111-2222';
const regionalCertificate = `arn:aws:acm:${fallbackRegion}:123456789012:certificate/3333-4444`;
const withDomain = {
  ...validContext,
  [ContextKeys.domainName]: 'events.example.org',
  [ContextKeys.certificateArn]: cloudFrontCertificate,
};

const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};

/** The one distribution's logical ID and configuration. */
const distributionOf = (synth: Synthesized): [string, CfnJson] => {
  const [id, distribution] = only(
    Object.entries(resourcesOf(synth.template(synth.stacks.api), 'AWS::CloudFront::Distribution')),
  );
  return [id, distribution.Properties.DistributionConfig];
};

const originOf = (config: CfnJson, behavior: CfnJson): CfnJson =>
  (config.Origins as CfnJson[]).find((origin) => origin.Id === behavior.TargetOriginId);

/** Every function of the wiring (the console's in its own nested stack), with values as the API's stack has them. */
const functionsOf = (synth: Synthesized): [string, CfnJson][] =>
  [synth.stacks.api, synth.stacks.api.console].flatMap((stack) =>
    Object.entries(resourcesOf(synth.template(stack), 'AWS::Lambda::Function'))
      .filter(([id]) => id.startsWith('Functions'))
      .map(([id, fn]): [string, CfnJson] => [
        id,
        stack === synth.stacks.api ? fn.Properties : synth.atSource(stack, fn.Properties),
      ]),
  );

/** Functions API Gateway sends requests to: the JSON API's, the console's pages, and what no route matches. */
const httpFunctionCount = functionEntries(wiring).filter(([, spec]) => answersHttp(spec.trigger)).length;

describe('the public address', () => {
  describe('without a custom domain', () => {
    let synth: Synthesized;
    let distributionId: string;
    let config: CfnJson;
    beforeAll(() => {
      synth = synthConvene();
      [distributionId, config] = distributionOf(synth);
    });

    it('is one distribution, whose https domain is every function’s PUBLIC_URL', () => {
      const publicUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
      const functions = functionsOf(synth);
      expect(functions).toHaveLength(functionEntries(wiring).length);
      for (const [, fn] of functions) expect(fn.Environment.Variables[EnvNames.publicUrl]).toEqual(publicUrl);
      expect(config.Aliases).toBeUndefined();
    });

    it('forwards every method to the API uncached, with every viewer header but Host, and redirects http to https', () => {
      const api = config.DefaultCacheBehavior;
      expect(api).toMatchObject({
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: managed.cachingDisabled,
        // Authorization, Cookie, Accept, Idempotency-Key, the query string and CloudFront-Viewer-Address.
        OriginRequestPolicyId: managed.allViewerExceptHostHeader,
      });
      const [apiId] = Object.keys(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::Api'));
      expect(originOf(config, api)).toMatchObject({
        DomainName: {
          'Fn::Join': ['', [{ Ref: apiId }, `.execute-api.${fallbackRegion}.`, { Ref: 'AWS::URLSuffix' }]],
        },
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      });
    });

    it('adds a generated secret header to requests to the API, and gives exactly the HTTP functions its name and value', () => {
      const [secretId, secret] = only(
        Object.entries(resourcesOf(synth.template(synth.stacks.api), 'AWS::SecretsManager::Secret')),
      );
      expect(secret.Properties.GenerateSecretString).toMatchObject({ ExcludePunctuation: true });
      const value = {
        'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
      };
      expect(originOf(config, config.DefaultCacheBehavior).OriginCustomHeaders).toEqual([
        { HeaderName: originVerifyHeader, HeaderValue: value },
      ]);
      const admitted = functionsOf(synth).filter(
        ([, fn]) => fn.Environment.Variables[EnvNames.originVerifySecret] !== undefined,
      );
      expect(admitted).toHaveLength(httpFunctionCount);
      for (const [, fn] of admitted) {
        expect(fn.Environment.Variables).toMatchObject({
          [EnvNames.originVerifyHeader]: originVerifyHeader,
          [EnvNames.originVerifySecret]: value,
        });
      }
    });

    it('keeps the execute-api endpoint, which CloudFront reaches', () => {
      const [api] = Object.values(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::Api'));
      expect(api!.Properties.DisableExecuteApiEndpoint).toBe(false);
      expect(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::DomainName')).toEqual({});
    });

    it('serves /assets/* cached from a private, SSL-only bucket through origin access control', () => {
      const template = synth.template(synth.stacks.api);
      const assets = only(
        (config.CacheBehaviors as CfnJson[]).filter((behavior) => behavior.PathPattern === assetsPathPattern),
      );
      expect(assets).toMatchObject({
        AllowedMethods: ['GET', 'HEAD'],
        CachePolicyId: managed.cachingOptimized,
        ViewerProtocolPolicy: 'redirect-to-https',
      });
      const origin = originOf(config, assets);
      const [bucketId, bucket] = only(Object.entries(resourcesOf(template, 'AWS::S3::Bucket')));
      expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
      // A development stage's bucket goes with its stack, objects and all.
      expect(bucket.DeletionPolicy).toBe('Delete');
      expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(1);
      const [policy] = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
      expect(policy!.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      );
    });

    it('attaches the edge stack’s web ACL, read across regions without a custom resource', () => {
      const { edge, root } = synth.stacks;
      expect(edge.region).toBe('us-east-1');
      expect(root.region).toBe(fallbackRegion);
      const reference = config.WebACLId['Fn::GetStackOutput'];
      expect(reference).toMatchObject({ StackName: edge.stackName, Region: 'us-east-1' });
      const [webAclId] = Object.keys(resourcesOf(synth.template(edge), 'AWS::WAFv2::WebACL'));
      expect(synth.template(edge).toJSON().Outputs[reference.OutputName].Value).toEqual({
        'Fn::GetAtt': [webAclId, 'Arn'],
      });
      for (const stack of [edge, root]) {
        expect(JSON.stringify(synth.template(stack).toJSON())).not.toMatch(/CrossRegionExport/);
      }
    });

    it('protects it with AWS’s managed rules and a per-address rate limit on the public POST routes', () => {
      const [webAcl] = Object.values(resourcesOf(synth.template(synth.stacks.edge), 'AWS::WAFv2::WebACL'));
      const { Scope, DefaultAction, Rules, CustomResponseBodies } = webAcl!.Properties;
      expect({ Scope, DefaultAction }).toEqual({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
      const groups = (Rules as CfnJson[]).flatMap((rule) =>
        rule.Statement.ManagedRuleGroupStatement ? [rule.Statement.ManagedRuleGroupStatement.Name] : [],
      );
      expect(groups).toEqual(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
      const rate = only((Rules as CfnJson[]).filter((rule) => rule.Statement.RateBasedStatement));
      expect(rate.Statement.RateBasedStatement).toMatchObject({
        // The per-client default: 20 public writes a minute, as REGISTRATION_LIMIT_PER_MINUTE locally.
        Limit: 20,
        EvaluationWindowSec: 60,
        AggregateKeyType: 'IP',
      });
      expect(rate.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429 });
      expect(
        JSON.parse(CustomResponseBodies[rate.Action.Block.CustomResponse.CustomResponseBodyKey].Content),
      ).toEqual(rateLimitedBody);
      const [method, path, unsigned] =
        rate.Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements;
      expect(method.ByteMatchStatement).toMatchObject({ SearchString: 'POST', FieldToMatch: { Method: {} } });
      expect(path.RegexMatchStatement.RegexString).toBe(pathsRegex(publicWrites(wiring).map((w) => w.path)));
      // A signed-in caller's request (the function verifies its token) is not counted.
      expect(unsigned.NotStatement.Statement.SizeConstraintStatement).toMatchObject({
        FieldToMatch: { SingleHeader: { Name: 'authorization' } },
        ComparisonOperator: 'GT',
        Size: 0,
      });
    });
  });

  describe('the rate-limited paths', () => {
    it('are the wiring’s public writes, each path segment parameter matching one segment', () => {
      expect(
        publicWrites(wiring)
          .map((w) => w.path)
          .sort(),
      ).toEqual(
        [
          '/events/{eventId}/registrations',
          '/events/{eventId}/registrations/resend',
          '/registrations/{registrationId}/cancel',
          '/registrations/{registrationId}/sessions',
          '/surveys/{token}',
          '/unsubscribe',
        ].sort(),
      );
      const regex = new RegExp(pathsRegex(publicWrites(wiring).map((w) => w.path)));
      for (const path of [
        '/events/evt_1/registrations',
        '/events/evt_1/registrations/',
        '/unsubscribe',
        '/surveys/t.k-1',
      ]) {
        expect({ path, limited: regex.test(path) }).toEqual({ path, limited: true });
      }
      for (const path of ['/events/evt_1', '/events/evt_1/registrations/reg_1', '/events', '/xunsubscribe']) {
        expect({ path, limited: regex.test(path) }).toEqual({ path, limited: false });
      }
    });
  });

  describe('with a custom domain', () => {
    it('answers on the domain with its us-east-1 certificate at TLS 1.2 or later, and the domain is PUBLIC_URL', () => {
      const synth = synthConvene({}, withDomain);
      const [, config] = distributionOf(synth);
      expect(config.Aliases).toEqual(['events.example.org']);
      expect(config.ViewerCertificate).toEqual({
        AcmCertificateArn: cloudFrontCertificate,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      for (const [, fn] of functionsOf(synth)) {
        expect(fn.Environment.Variables[EnvNames.publicUrl]).toBe('https://events.example.org');
      }
      expect(synth.template(synth.stacks.root).toJSON().Outputs.PublicUrl.Value).toBe(
        'https://events.example.org',
      );
    });

    it('with a regional certificate, reaches the API through its own custom domain and disables execute-api', () => {
      const synth = synthConvene(
        {},
        { ...withDomain, [ContextKeys.originCertificateArn]: regionalCertificate },
      );
      const template = synth.template(synth.stacks.api);
      const [domainId, domain] = only(Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::DomainName')));
      expect(domain.Properties).toMatchObject({
        DomainName: 'events.example.org',
        DomainNameConfigurations: [
          { CertificateArn: regionalCertificate, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
        ],
      });
      const [apiId, api] = only(Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Api')));
      expect(api.Properties.DisableExecuteApiEndpoint).toBe(true);
      template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
        ApiId: { Ref: apiId },
        DomainName: { Ref: domainId },
        Stage: '$default',
      });
      const [, config] = distributionOf(synth);
      // API Gateway finds a custom domain by the Host, so the viewer's is forwarded, with CloudFront's headers.
      expect(config.DefaultCacheBehavior.OriginRequestPolicyId).toBe(managed.allViewerAndCloudFrontHeaders);
      expect(originOf(config, config.DefaultCacheBehavior)).toMatchObject({
        DomainName: { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] },
        OriginCustomHeaders: [expect.objectContaining({ HeaderName: originVerifyHeader })],
      });
    });
  });
});
