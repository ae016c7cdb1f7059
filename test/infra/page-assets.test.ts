import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ASSET_PATH, buildAssets } from '../../infra/assets/build-assets';
import { assetCacheControl, assetKeyPrefix } from '../../infra/constructs/page-assets';
import { assetsPathPattern } from '../../infra/constructs/public-address';
import { ContextKeys } from '../../infra/constructs/settings';
import { functionEntries } from '../../infra/wiring';
import { EnvNames } from '../../shared/config/env';
import type { PageAssets } from '../../shared/pages/page-assets';
import {
  buildTestApp,
  fixtureWiring,
  resourcesOf,
  synthConvene,
  validContext,
  type CfnJson,
  type CfnResource,
  type Synthesized,
} from './support';

/** CloudFront's managed CachingOptimized policy, by the ID AWS documents for it. */
const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';

const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};

const pageFunctionNames = functionEntries(fixtureWiring)
  .filter(([, spec]) => spec.access.pages === 'render')
  .map(([name]) => name);

describe('the page assets on AWS', () => {
  let synth: Synthesized;
  let resources: Record<string, CfnResource>;
  const built = buildAssets();
  const ofType = (type: string): [string, CfnResource][] =>
    Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const distributionConfig = (): CfnJson =>
    only(ofType('AWS::CloudFront::Distribution'))[1].Properties.DistributionConfig;
  const assetsBehaviour = (): CfnJson =>
    only(
      (distributionConfig().CacheBehaviors as CfnJson[]).filter(
        (behaviour) => behaviour.PathPattern === assetsPathPattern,
      ),
    );
  const bucketId = (): string => only(ofType('AWS::S3::Bucket'))[0];

  /** The wiring's Lambda functions, in the API's nested stack and the console's within it. */
  const functions = (): [string, CfnResource][] =>
    [synth.stacks.api, synth.stacks.api.console].flatMap((stack) =>
      Object.entries(resourcesOf(synth.template(stack), 'AWS::Lambda::Function')).filter(([id]) =>
        id.startsWith('Functions'),
      ),
    );

  beforeAll(() => {
    synth = synthConvene({ wiring: fixtureWiring });
    resources = synth.template(synth.stacks.api).toJSON().Resources as Record<string, CfnResource>;
  });

  it('are held in a private bucket that refuses plain http, kept without versions', () => {
    const [, bucket] = only(ofType('AWS::S3::Bucket'));
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    const [, policy] = only(ofType('AWS::S3::BucketPolicy'));
    const statements = policy.Properties.PolicyDocument.Statement as CfnJson[];
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    // No one else is let read: only this distribution, and CDK's own handler that empties a deleted stage's bucket.
    const readers = statements.filter(
      (statement) =>
        statement.Effect === 'Allow' && [statement.Action].flat().some((a: string) => a.startsWith('s3:Get')),
    );
    expect(readers.map((statement) => statement.Principal)).toEqual(
      expect.arrayContaining([{ Service: 'cloudfront.amazonaws.com' }]),
    );
    for (const reader of readers) expect(reader.Principal).not.toEqual({ AWS: '*' });
  });

  it('are read by the distribution alone, through origin access control (no origin access identity)', () => {
    const config = distributionConfig();
    const behaviour = assetsBehaviour();
    const origin = (config.Origins as CfnJson[]).find((o) => o.Id === behaviour.TargetOriginId);
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId(), 'RegionalDomainName'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const [oacId, oac] = only(ofType('AWS::CloudFront::OriginAccessControl'));
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const [distributionId] = only(ofType('AWS::CloudFront::Distribution'));
    const [, policy] = only(ofType('AWS::S3::BucketPolicy'));
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual({
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/*']] },
      Condition: {
        StringEquals: {
          'AWS:SourceArn': {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':cloudfront::',
                { Ref: 'AWS::AccountId' },
                ':distribution/',
                { Ref: distributionId },
              ],
            ],
          },
        },
      },
    });
  });

  it('are served under /assets/* with CachingOptimized, compressed, over https, behind the same WAF', () => {
    expect(assetsBehaviour()).toMatchObject({
      PathPattern: '/assets/*',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: cachingOptimized,
      Compress: true,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    // The web ACL is the distribution's, so it covers every behaviour, this one included.
    expect(distributionConfig().WebACLId).toBeDefined();
  });

  it('are uploaded by each deployment under assets/, cached for a year as immutable, earlier files kept', () => {
    const [, deployment] = only(ofType('Custom::CDKBucketDeployment'));
    expect(deployment.Properties).toMatchObject({
      DestinationBucketName: { Ref: bucketId() },
      DestinationBucketKeyPrefix: 'assets/',
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(assetCacheControl).toBe('public, max-age=31536000, immutable');
    expect(deployment.Properties.DistributionId).toBeUndefined();
  });

  it('uploads exactly the built files the functions are told of, at the keys their URLs ask for', () => {
    const [, deployment] = only(ofType('Custom::CDKBucketDeployment'));
    const [objectKey] = deployment.Properties.SourceObjectKeys as string[];
    // The staged copy of the folder CDK zips and uploads at deployment.
    const staged = path.join(synth.assembly.directory, `asset.${objectKey!.replace(/\.zip$/, '')}`);
    expect(existsSync(staged)).toBe(true);
    const { manifest } = built;
    const names = Object.values(manifest).map((url) => {
      // The URL the page names goes to the behaviour, and from there to the object at the same path.
      expect(url.startsWith(`${ASSET_PATH}/`)).toBe(true);
      expect(new RegExp(`^${assetsPathPattern.replace('*', '.+')}$`).test(url)).toBe(true);
      expect(url.slice(1).startsWith(assetKeyPrefix)).toBe(true);
      return url.slice(1 + assetKeyPrefix.length);
    });
    expect(readdirSync(staged).sort()).toEqual([...names].sort());
  });

  it('tells every function with pages access, and no other, the names of files that exist in the built folder', () => {
    const withPageAssets = functions().filter(
      ([, fn]) => fn.Properties.Environment?.Variables?.[EnvNames.pageAssets] !== undefined,
    );
    expect(withPageAssets).toHaveLength(pageFunctionNames.length);
    expect(pageFunctionNames).toEqual(expect.arrayContaining(['getEvent', 'registerDelegate']));
    for (const name of pageFunctionNames) {
      const prefix = `Functions${name[0]!.toUpperCase()}${name.slice(1)}Function`;
      const [, fn] = only(withPageAssets.filter(([id]) => id.startsWith(prefix)));
      const told = JSON.parse(fn.Properties.Environment.Variables[EnvNames.pageAssets]) as PageAssets;
      expect(told).toEqual(built.manifest);
      for (const url of Object.values(told)) {
        expect({
          name,
          url,
          exists: existsSync(path.join(built.dir, url.slice(ASSET_PATH.length + 1))),
        }).toEqual({ name, url, exists: true });
      }
    }
  });

  it('uploads the files before a page function that names them is created or updated', () => {
    const [deploymentId] = only(ofType('Custom::CDKBucketDeployment'));
    // The console's functions are in a nested stack of the API's, which waits for the upload as a whole.
    const consoleId = synth.stacks.api.resolve(synth.stacks.api.console.nestedStackResource!.logicalId);
    expect((resources[consoleId] as CfnJson).DependsOn).toEqual(expect.arrayContaining([deploymentId]));
    for (const name of pageFunctionNames) {
      const prefix = `Functions${name[0]!.toUpperCase()}${name.slice(1)}Function`;
      const inApi = ofType('AWS::Lambda::Function').filter(([id]) => id.startsWith(prefix));
      if (fixtureWiring.functions[name]!.trigger.kind === 'pages') {
        expect({ name, inApi }).toEqual({ name, inApi: [] });
        continue;
      }
      const [, fn] = only(inApi);
      expect({ name, dependsOn: (fn as CfnJson).DependsOn }).toEqual({
        name,
        dependsOn: expect.arrayContaining([deploymentId]),
      });
    }
  });

  it('bundles the templates with exactly the functions that have pages access', () => {
    const { stacks } = buildTestApp({ wiring: fixtureWiring });
    for (const [name, spec] of functionEntries(fixtureWiring)) {
      expect({ name, rendersPages: stacks.api.functions.functions[name]!.rendersPages }).toEqual({
        name,
        rendersPages: spec.access.pages === 'render',
      });
    }
  });

  it('keeps a production bucket and its files when the stack goes, and empties a development one', () => {
    const development = synth.template(synth.stacks.api);
    expect(resourcesOf(development, 'AWS::S3::Bucket')[bucketId()]!.DeletionPolicy).toBe('Delete');
    expect(Object.keys(development.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(1);

    const production = synthConvene({}, { ...validContext, [ContextKeys.stage]: 'prod' });
    const template = production.template(production.stacks.api);
    const [bucket] = Object.values(resourcesOf(template, 'AWS::S3::Bucket'));
    expect(bucket!.DeletionPolicy).toBe('Retain');
    expect(template.findResources('Custom::S3AutoDeleteObjects')).toEqual({});
  });
});
