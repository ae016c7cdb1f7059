import { EnvNames } from '../../shared/config/env';

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly eventbridge: string;
  readonly scheduler: string;
  readonly sqs: string;
  readonly sesv2: string;
  /** The fake X API. */
  readonly x: string;
}

export interface LocalResources {
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly eventBusName: string;
  readonly scheduleGroupName: string;
  readonly sendQueueUrl: string;
  readonly scheduleDlqArn: string;
  readonly publicUrl: string;
  readonly sesFromAddress: string;
  readonly sendRatePerSecond: number;
  readonly queueMaxReceiveCount: number;
  /** The sender's claim lease; the sender's own default (300 s) when absent. */
  readonly sendClaimLeaseSeconds?: number;
}

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
  POWERTOOLS_SERVICE_NAME: 'convene',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  POWERTOOLS_METRICS_NAMESPACE: 'Convene',
  [EnvNames.stage]: r.stage,
  [EnvNames.publicUrl]: r.publicUrl,
  [EnvNames.tableName]: r.tableName,
  [EnvNames.eventBusName]: r.eventBusName,
  [EnvNames.scheduleGroupName]: r.scheduleGroupName,
  [EnvNames.schedulerRoleArn]: `arn:aws:iam::${r.accountId}:role/convene-${r.stage}-scheduler`,
  [EnvNames.scheduleTargetArn]: busArn(r),
  [EnvNames.scheduleDlqArn]: r.scheduleDlqArn,
  [EnvNames.sendQueueUrl]: r.sendQueueUrl,
  [EnvNames.sesFromAddress]: r.sesFromAddress,
  [EnvNames.sesConfigurationSet]: `convene-${r.stage}`,
  [EnvNames.sendRatePerSecond]: String(r.sendRatePerSecond),
  [EnvNames.sendDailyQuota]: process.env.SEND_DAILY_QUOTA ?? '50000',
  // Every local "instance" of the sender shares this process, and so one rate limiter.
  [EnvNames.sendConcurrency]: '1',
  [EnvNames.queueMaxReceiveCount]: String(r.queueMaxReceiveCount),
  [EnvNames.sendRetryBaseSeconds]: process.env.SEND_RETRY_BASE_SECONDS ?? '1',
  // Always written, empty for the default, so a shortened lease never outlives the stack that asked for it.
  [EnvNames.sendClaimLeaseSeconds]:
    r.sendClaimLeaseSeconds === undefined ? '' : String(r.sendClaimLeaseSeconds),
  // X: real credentials from X_CREDENTIALS / X_CREDENTIALS_FILE go to X_API_BASE_URL (api.x.com unless
  // set); without them, the poster talks to the local fake X API with placeholder credentials.
  ...(process.env.X_CREDENTIALS || process.env.X_CREDENTIALS_FILE
    ? { [EnvNames.xApiBaseUrl]: process.env.X_API_BASE_URL ?? 'https://api.x.com' }
    : {
        [EnvNames.xApiBaseUrl]: endpoints.x,
        [EnvNames.xCredentials]: JSON.stringify({
          appKey: 'local',
          appSecret: 'local',
          accessToken: 'local',
          accessSecret: 'local',
        }),
      }),
  [EnvNames.socialLimitPer15Min]: process.env.SOCIAL_LIMIT_PER_15_MIN ?? '50',
  [EnvNames.socialLimitPerDay]: process.env.SOCIAL_LIMIT_PER_DAY ?? '300',
  // Links in local mail stay valid across restarts because the key is stable (LOCAL_TOKEN_SECRET to change).
  [EnvNames.tokenSecret]:
    process.env.LOCAL_TOKEN_SECRET ?? 'convene-local-link-signing-key-for-development-only',
});
