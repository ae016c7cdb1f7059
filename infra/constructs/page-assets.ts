import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
// cdk-nag's own flattening, so an acknowledgement names a finding exactly as cdk-nag reports it.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { ASSET_PATH, type BuiltAssets } from '../assets/build-assets';
import { isProductionStage } from './settings';

/** A year, and never revalidated: an asset's name changes with its content. */
export const assetCacheControl = 'public, max-age=31536000, immutable';

/** The bucket's key prefix: a request for `/assets/app-<hash>.css` reaches the object `assets/app-<hash>.css`. */
export const assetKeyPrefix = `${ASSET_PATH.replace(/^\//, '')}/`;

/** What build-assets.ts writes beside the assets for the next synthesis; not served. */
const manifestFile = 'page-assets.json';

export interface PageAssetsBucketProps {
  readonly stage: string;
  /** The pages' stylesheet and script, built once for this synthesis (infra/assets/build-assets.ts). */
  readonly built: BuiltAssets;
}

/**
 * The pages' hashed stylesheet and script in a private bucket, which the distribution reads through origin
 * access control (public-address.ts), uploaded by each deployment with a year's cache lifetime. Files of
 * earlier deployments stay (no pruning): a page a browser or the distribution cached before a deployment
 * still names them, and each name always holds the same content.
 */
export class PageAssetsBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: PageAssetsBucketProps) {
    super(scope, id);
    const production = isProductionStage(props.stage);

    // The construct's default child: the bucket keeps the logical ID it had as the public address's `Assets`.
    this.bucket = new s3.Bucket(this, 'Default', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Asset names carry their content's hash, so an object is never overwritten: versions would add nothing.
      versioned: false,
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !production,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only public, content-hashed static assets written by deployments and read through CloudFront; ' +
        'access logs of it would record nothing worth a second bucket.',
    });

    // The upload runs in CDK's deployment function; its own role and log group, as Convene's functions have.
    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Convene ${props.stage}: uploads the page assets at deployment`,
    });
    logGroup.grantWrite(role);

    // The files as a deployment asset (a zip in CDK's staging bucket), named here for the acknowledgements.
    const files = new s3assets.Asset(this, 'Files', { path: props.built.dir, exclude: [manifestFile] });
    this.deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: [s3deploy.Source.bucket(files.bucket, files.s3ObjectKey)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: assetKeyPrefix,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(assetCacheControl)],
      role,
      logGroup,
      // Two small files: the default gigabyte would only cost more.
      memoryLimit: 256,
    });
    this.acknowledgeDeploymentFindings(role, files);
  }

  /**
   * What cdk-nag finds in CDK's deployment function, which Convene does not write: the actions CDK grants
   * it with wildcards (read on the staged zip, read and write on this bucket's objects), and its runtime,
   * which CDK pins to the one it tests the AWS CLI layer with.
   */
  private acknowledgeDeploymentFindings(role: iam.Role, files: s3assets.Asset): void {
    const stack = Stack.of(this);
    const resourceFinding = (arn: string) =>
      `AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(arn))}]`;
    const wildcardActions = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'];
    Validations.of(role).acknowledge(
      ...wildcardActions.map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          "CDK's BucketDeployment grants these (read on the staged zip, read and write on the assets bucket) " +
          'to the one function that copies the assets at deployment; they name no other bucket.',
      })),
      {
        id: resourceFinding(files.bucket.arnForObjects('*')),
        reason:
          "CDK's staging bucket, which the deployment reads this deployment's zip from: CDK's grant covers its " +
          'objects, not the one key.',
      },
      {
        id: resourceFinding(this.bucket.arnForObjects('*')),
        reason: 'The deployment writes any asset name under the prefix; only objects of the assets bucket.',
      },
    );
    // CDK's BucketDeployment puts its one function (a singleton) at the stack's top level.
    const handler = stack.node.children.find(
      (child) => child instanceof lambda.Function && child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!handler) throw new Error("CDK's BucketDeployment function was not found beside the deployment");
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "CDK's BucketDeployment function (Python with the AWS CLI layer) runs the runtime CDK pins and tests " +
        'it with; it runs only during deployments.',
    });
  }
}
