import { readFileSync } from 'node:fs';
import { EnvNames } from '../../shared/config/env';
import { routeAudienceEnvironment } from '../../shared/http/route-audience';
import { auditEnvironment } from '../../shared/use-cases/audit/audit-declaration';
import type { FunctionSpec } from '../wiring/types';
import type { PageAssets } from '../../shared/pages/page-assets';
import type { LocalDeployment } from './iam/synthesize-policies';
import { LOCAL_CLIENT_ID } from './local-auth';

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly eventbridge: string;
  readonly scheduler: string;
  readonly sqs: string;
  readonly sesv2: string;
  readonly secretsmanager: string;
  /** The fake X API. */
  readonly x: string;
  /** The local Cognito user pool's user administration (the team page's invitations). */
  readonly cognito: string;
  /** The local user pool's issuer; its keys are at `<issuer>/.well-known/jwks.json`, as Cognito's are. */
  readonly userPool: string;
}

export interface LocalResources {
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly eventBusName: string;
  readonly scheduleGroupName: string;
  readonly sendQueueUrl: string;
  readonly placesQueueUrl: string;
  readonly scheduleDlqArn: string;
  /** The role schedules run as (the synthesized one's ARN: functions pass it, and IAM checks the pass). */
  readonly schedulerRoleArn: string;
  /** The link-signing key's secret in the local Secrets Manager. */
  readonly tokenKeySecretArn: string;
  /** The X credentials' secret in the local Secrets Manager. */
  readonly xCredentialsSecretName: string;
  readonly sesConfigurationSet: string;
  /** The local Cognito emulator's pool (team members). */
  readonly userPoolId: string;
  readonly publicUrl: string;
  /** The hashed names of the pages' stylesheet and script (served by the local HTTP server). */
  readonly pageAssets: PageAssets;
  readonly sesFromAddress: string;
  readonly sendRatePerSecond: number;
  readonly queueMaxReceiveCount: number;
  /** The sender's claim lease; the sender's own default (300 s) when absent. */
  readonly sendClaimLeaseSeconds?: number;
}

/**
 * The local deployment's settings, as the CDK context gives a real stage's: what the policies are
 * synthesized for (iam/synthesize-policies.ts) and what the local stack runs as.
 */
export const localDeployment = (stage: string): LocalDeployment => {
  const from = process.env.SES_FROM_ADDRESS ?? 'events@convene.local';
  return {
    stage,
    region: 'eu-west-2',
    accountId: '000000000000',
    sesFromAddress: (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase(),
    xSecretName: `convene/${stage}/x-credentials`,
  };
};

export const busArn = (r: Pick<LocalResources, 'region' | 'accountId' | 'eventBusName'>): string =>
  `arn:aws:events:${r.region}:${r.accountId}:event-bus/${r.eventBusName}`;

/**
 * The environment the functions see locally: the same variable names the CDK grants set on AWS, with
 * the SDK's standard AWS_ENDPOINT_URL_* variables pointing the real clients at the local parts.
 */
export const localEnvironment = (endpoints: LocalEndpoints, r: LocalResources): Record<string, string> => ({
  AWS_REGION: r.region,
  AWS_DEFAULT_REGION: r.region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
  AWS_ENDPOINT_URL_SCHEDULER: endpoints.scheduler,
  AWS_ENDPOINT_URL_SQS: endpoints.sqs,
  AWS_ENDPOINT_URL_SESV2: endpoints.sesv2,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsmanager,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
  [EnvNames.userPoolId]: r.userPoolId,
  POWERTOOLS_SERVICE_NAME: 'convene',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  POWERTOOLS_METRICS_NAMESPACE: 'Convene',
  [EnvNames.stage]: r.stage,
  [EnvNames.publicUrl]: r.publicUrl,
  [EnvNames.tableName]: r.tableName,
  [EnvNames.eventBusName]: r.eventBusName,
  [EnvNames.scheduleGroupName]: r.scheduleGroupName,
  [EnvNames.schedulerRoleArn]: r.schedulerRoleArn,
  [EnvNames.scheduleTargetArn]: busArn(r),
  [EnvNames.scheduleDlqArn]: r.scheduleDlqArn,
  [EnvNames.sendQueueUrl]: r.sendQueueUrl,
  [EnvNames.placesQueueUrl]: r.placesQueueUrl,
  [EnvNames.sesFromAddress]: r.sesFromAddress,
  [EnvNames.sesConfigurationSet]: r.sesConfigurationSet,
  [EnvNames.sendRatePerSecond]: String(r.sendRatePerSecond),
  [EnvNames.sendDailyQuota]: process.env.SEND_DAILY_QUOTA ?? '50000',
  // Personal data's retention after an event ends (shared/domain/gdpr/retention.ts has the defaults).
  [EnvNames.dataRetentionDays]: process.env.DATA_RETENTION_DAYS ?? '',
  [EnvNames.needsRetentionDays]: process.env.NEEDS_RETENTION_DAYS ?? '',
  // Every local "instance" of the sender shares this process, and so one rate limiter.
  [EnvNames.sendConcurrency]: '1',
  [EnvNames.queueMaxReceiveCount]: String(r.queueMaxReceiveCount),
  [EnvNames.sendRetryBaseSeconds]: process.env.SEND_RETRY_BASE_SECONDS ?? '1',
  // Always written, empty for the default, so a shortened lease never outlives the stack that asked for it.
  [EnvNames.sendClaimLeaseSeconds]:
    r.sendClaimLeaseSeconds === undefined ? '' : String(r.sendClaimLeaseSeconds),
  // X: the credentials are read from the local Secrets Manager, as on AWS (localXCredentials); real ones go
  // to X_API_BASE_URL (api.x.com unless set), the placeholders to the local fake X API.
  [EnvNames.xCredentialsSecret]: r.xCredentialsSecretName,
  [EnvNames.xApiBaseUrl]: realXCredentials()
    ? (process.env.X_API_BASE_URL ?? 'https://api.x.com')
    : endpoints.x,
  [EnvNames.socialLimitPer15Min]: process.env.SOCIAL_LIMIT_PER_15_MIN ?? '50',
  [EnvNames.socialLimitPerDay]: process.env.SOCIAL_LIMIT_PER_DAY ?? '300',
  // Signed-in routes verify tokens against the local user pool as they do against Cognito on AWS.
  [EnvNames.jwtIssuer]: endpoints.userPool,
  [EnvNames.jwtJwksUri]: `${endpoints.userPool}/.well-known/jwks.json`,
  [EnvNames.jwtClientId]: LOCAL_CLIENT_ID,
  // The link-signing key is read from the local Secrets Manager at cold start, as on AWS.
  [EnvNames.tokenSecretArn]: r.tokenKeySecretArn,
  [EnvNames.pageAssets]: JSON.stringify(r.pageAssets),
  // Empty unless given: the privacy notice then names a placeholder that says what to set.
  [EnvNames.privacyController]: process.env.PRIVACY_CONTROLLER ?? '',
});

/**
 * What one function's environment adds to the shared one, as the CDK app sets it on that function alone:
 * an HTTP route's audience (route-audience.ts). The local runtime sets it around the function's cold start.
 */
export const functionEnvironment = (spec: FunctionSpec): Record<string, string> => {
  if (spec.trigger.kind === 'http')
    return { ...routeAudienceEnvironment(spec.trigger), ...auditEnvironment(spec.trigger) };
  if (spec.trigger.kind === 'unmatched') return { ...routeAudienceEnvironment(spec.trigger) };
  return {};
};

/** Links in local mail stay valid across restarts because the key is stable (LOCAL_TOKEN_SECRET to change). */
export const LOCAL_LINK_KEY = 'convene-local-link-signing-key-for-development-only';

/** Real X credentials given to `npm start` (X_CREDENTIALS as JSON, or X_CREDENTIALS_FILE), if any. */
const realXCredentials = (): string | undefined =>
  process.env.X_CREDENTIALS ||
  (process.env.X_CREDENTIALS_FILE ? readFileSync(process.env.X_CREDENTIALS_FILE, 'utf8') : undefined);

/** What the local Secrets Manager holds as the X credentials: the real ones if given, else placeholders. */
export const localXCredentials = (): string =>
  realXCredentials() ??
  JSON.stringify({ appKey: 'local', appSecret: 'local', accessToken: 'local', accessSecret: 'local' });
