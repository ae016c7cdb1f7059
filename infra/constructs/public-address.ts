import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { EnvNames } from '../../shared/config/env';
import type { BuiltAssets } from '../assets/build-assets';
import type { ConveneFunction } from './convene-function';
import { PageAssetsBucket } from './page-assets';
import { ContextKeys, regionOfCertificate, SettingsError, type CustomDomain } from './settings';

/** The header CloudFront adds to every request it sends the API; a request without it did not come through. */
export const originVerifyHeader = 'x-convene-origin-verify';

/** Path pattern of the hashed static assets (the pages' stylesheet and script), served from S3. */
export const assetsPathPattern = '/assets/*';

/**
 * Whether the API's default execute-api endpoint is disabled: only when the API has a custom domain of its
 * own (given a regional certificate), since CloudFront then reaches the API through that domain instead.
 */
export const closesExecuteApiEndpoint = (domain: CustomDomain | undefined): boolean =>
  domain?.originCertificateArn !== undefined;

export interface PublicAddressProps {
  readonly stage: string;
  readonly domain?: CustomDomain;
  readonly httpApi: apigwv2.IHttpApi;
  readonly httpStage: apigwv2.IHttpStage;
  /** The WAF web ACL (scope CLOUDFRONT, in us-east-1) attached to the distribution. */
  readonly webAclArn: string;
  /** The pages' hashed stylesheet and script, served under `/assets/*` (built once per synthesis). */
  readonly assets: BuiltAssets;
}

/**
 * Convene's one public https address: a CloudFront distribution (WAF attached) in front of the HTTP API,
 * never cached, and of an S3 bucket of hashed static assets under `/assets/*`, cached. Its URL is every
 * function's PUBLIC_URL.
 *
 * Nothing bypasses it: CloudFront adds a generated secret header to every request to the API, which the
 * HTTP functions get to compare (`admit`). An HTTP API can only have its execute-api endpoint disabled when
 * CloudFront reaches it through an API custom domain, which needs a regional certificate
 * (`convene:originCertificateArn`); that domain is as public as the endpoint, so the header is what closes the
 * bypass either way.
 */
export class PublicAddress extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly assets: PageAssetsBucket;
  readonly assetsBucket: s3.Bucket;
  /** `https://<custom domain>`, or `https://<id>.cloudfront.net`; no trailing slash. */
  readonly url: string;
  /** The generated header value, as a CloudFormation dynamic reference (resolved at deployment). */
  private readonly originVerifyValue: string;

  constructor(scope: Construct, id: string, props: PublicAddressProps) {
    super(scope, id);
    const originVerify = new secretsmanager.Secret(this, 'OriginVerify', {
      description: `Convene ${props.stage}: the header value CloudFront adds to requests to the API`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront and the functions take the value at deployment: a rotation between deployments would leave ' +
        'them with different values and every request refused. Replacing the secret and deploying changes it.',
    });
    this.originVerifyValue = originVerify.secretValue.unsafeUnwrap();

    const api = this.apiOrigin(props);
    this.assets = new PageAssetsBucket(this, 'Assets', { stage: props.stage, built: props.assets });
    this.assetsBucket = this.assets.bucket;

    const certificate =
      props.domain === undefined
        ? undefined
        : acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Convene ${props.stage}`,
      defaultBehavior: {
        origin: api.origin,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Every API answer is per request; nothing is cached, so no header needs to be in a cache key.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: api.originRequestPolicy,
      },
      additionalBehaviors: {
        [assetsPathPattern]: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          compress: true,
        },
      },
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Edge locations in Europe and North America: the delegates are in England.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(props.domain === undefined || certificate === undefined
        ? {}
        : {
            domainNames: [props.domain.name],
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Delegates, speakers and organisers may be anywhere; abuse is limited by the WAF rate rule instead.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "Every request that reaches the API is in the API's access log, and the WAF's metrics and sampled " +
          'requests show what the edge blocked; standard logs would need a bucket with ACLs for little more.',
      },
    );
    if (props.domain === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without convene:domainName the distribution answers on its *.cloudfront.net name, whose default ' +
          'certificate takes no minimum TLS version; with a custom domain the minimum is TLS 1.2.',
      });
    }
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
  }

  /** Gives an HTTP function the header to expect on every request that came through the distribution. */
  admit(fn: ConveneFunction): void {
    fn.addEnvironment(EnvNames.originVerifyHeader, originVerifyHeader);
    fn.addEnvironment(EnvNames.originVerifySecret, this.originVerifyValue);
  }

  /**
   * CloudFront's way to the API. By default the execute-api endpoint, whose Host it must not forward
   * (AllViewerExceptHostHeader, the managed policy AWS designed for API Gateway origins: every viewer header,
   * Authorization and Cookie included, all query strings and cookies, and CloudFront's own headers such as
   * CloudFront-Viewer-Address). With an origin certificate, the API's custom domain of the same name, which
   * API Gateway finds by the viewer's Host, so the execute-api endpoint can be disabled: every viewer header,
   * Host included, and CloudFront's headers released by June 2022 (AllViewerAndCloudFrontHeaders-2022-06),
   * among them CloudFront-Viewer-Address (2021).
   */
  private apiOrigin(props: PublicAddressProps): {
    origin: cloudfront.IOrigin;
    originRequestPolicy: cloudfront.IOriginRequestPolicy;
  } {
    const stack = Stack.of(this);
    const originProps = {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // API Gateway ends an integration at 30 seconds; CloudFront's default wait is the same.
      readTimeout: Duration.seconds(30),
      customHeaders: { [originVerifyHeader]: this.originVerifyValue },
    };
    const domain = props.domain;
    if (domain?.originCertificateArn === undefined) {
      return {
        origin: new origins.HttpOrigin(
          `${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`,
          originProps,
        ),
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      };
    }
    const region = regionOfCertificate(domain.originCertificateArn);
    if (!Token.isUnresolved(stack.region) && region !== stack.region) {
      throw new SettingsError(
        ContextKeys.originCertificateArn,
        `must be a certificate in ${stack.region}, the region of the API`,
        domain.originCertificateArn,
      );
    }
    const apiDomain = new apigwv2.DomainName(this, 'ApiDomain', {
      domainName: domain.name,
      certificate: acm.Certificate.fromCertificateArn(this, 'OriginCertificate', domain.originCertificateArn),
      securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
    });
    new apigwv2.ApiMapping(this, 'ApiMapping', {
      api: props.httpApi,
      domainName: apiDomain,
      stage: props.httpStage,
    });
    return {
      origin: new origins.HttpOrigin(apiDomain.regionalDomainName, originProps),
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_AND_CLOUDFRONT_2022,
    };
  }
}
