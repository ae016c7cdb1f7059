/**
 * The environment variables Convene's code reads. The CDK grants and the local stack set them from
 * the same names, so a rename happens here once.
 */
export const EnvNames = {
  stage: 'STAGE',
  publicUrl: 'PUBLIC_URL',
  tableName: 'TABLE_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  scheduleGroupName: 'SCHEDULE_GROUP_NAME',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  scheduleTargetArn: 'SCHEDULE_TARGET_ARN',
  scheduleDlqArn: 'SCHEDULE_DLQ_ARN',
  sendQueueUrl: 'SEND_QUEUE_URL',
  placesQueueUrl: 'PLACES_QUEUE_URL',
  sesFromAddress: 'SES_FROM_ADDRESS',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  xCredentialsSecret: 'X_CREDENTIALS_SECRET',
  /** X credentials as JSON `{appKey, appSecret, accessToken, accessSecret}`, where no secret store is used. */
  xCredentials: 'X_CREDENTIALS',
  /** A file holding that JSON (for `npm start` with real credentials). */
  xCredentialsFile: 'X_CREDENTIALS_FILE',
  /** Base URL of the X API (`https://api.x.com`); the local stack points it at its fake. */
  xApiBaseUrl: 'X_API_BASE_URL',
  /** Tweets X lets the account post in any 15 minutes / 24 hours; scheduling more is refused (409). */
  socialLimitPer15Min: 'SOCIAL_LIMIT_PER_15_MIN',
  socialLimitPerDay: 'SOCIAL_LIMIT_PER_DAY',
  /** Secrets Manager ARN of the key that signs links (manage, unsubscribe, survey) on AWS. */
  tokenSecretArn: 'TOKEN_SECRET_ARN',
  /** The key itself, where no secret store is used (the local stack). */
  tokenSecret: 'TOKEN_SECRET',
  /** Days after an event ends that its personal data is kept (DynamoDB TTL); its needs' days, shorter. */
  dataRetentionDays: 'DATA_RETENTION_DAYS',
  needsRetentionDays: 'NEEDS_RETENTION_DAYS',
  sendRatePerSecond: 'SEND_RATE_PER_SECOND',
  /** Mails the SES account may send in 24 hours; campaigns are checked against it before they start. */
  sendDailyQuota: 'SEND_DAILY_QUOTA',
  /** How many sender instances share the rate (the queue trigger's maxConcurrency); 1 where all share one process. */
  sendConcurrency: 'SEND_CONCURRENCY',
  /** Receives before a queue message goes to its DLQ: the sender records the failure on the last one. */
  queueMaxReceiveCount: 'QUEUE_MAX_RECEIVE_COUNT',
  /** First retry delay of a refused send, doubling per receive. */
  sendRetryBaseSeconds: 'SEND_RETRY_BASE_SECONDS',
  /**
   * How long a claimed send may stay unsettled before it is sent again (default 300): longer than SES takes
   * to report a Send event. Only tests shorten it, to see a crashed send settled or resent without waiting.
   */
  sendClaimLeaseSeconds: 'SEND_CLAIM_LEASE_SECONDS',
  /** The `iss` of the user pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` on AWS. */
  jwtIssuer: 'JWT_ISSUER',
  /** Where the user pool publishes the public keys its tokens are signed with (`<issuer>/.well-known/jwks.json`). */
  jwtJwksUri: 'JWT_JWKS_URI',
  /** The app client a token must be issued to (an ID token's `aud`, an access token's `client_id`). */
  jwtClientId: 'JWT_CLIENT_ID',
  /**
   * Where the console's people sign in: the user pool's managed login (`https://<prefix>.auth.<region>.amazoncognito.com`).
   * Unset locally, where the local stack's own sign-in page stands in for it.
   */
  consoleLoginUrl: 'CONSOLE_LOGIN_URL',
  /**
   * The header CloudFront adds to every request it forwards to the API, and its secret value: an HTTP request
   * without it did not come through the distribution (and its WAF). Unset where there is no distribution.
   */
  originVerifyHeader: 'ORIGIN_VERIFY_HEADER',
  originVerifySecret: 'ORIGIN_VERIFY_SECRET',
  /** The hashed stylesheet and script of the pages, as JSON `{ css, js }` (infra/assets/build-assets.ts). */
  pageAssets: 'PAGE_ASSETS',
  /** The data controller the privacy notice names, as JSON `{ name, email, address? }` (`convene:controller`). */
  privacyController: 'PRIVACY_CONTROLLER',
  /**
   * Who may call an HTTP function's route (`public`, `organisers`, `comms`), set from its wiring trigger: the
   * one declaration of a route's audience, which the function's check reads (shared/http/route-audience.ts).
   */
  routeAuth: 'ROUTE_AUTH',
  /** The Cognito user pool whose team groups the console's team page manages (`teamMembers` access). */
  userPoolId: 'USER_POOL_ID',
  /** On a public route: the group whose bearer token, when sent, is verified (from the wiring's `optionalCaller`). */
  routeOptionalCaller: 'ROUTE_OPTIONAL_CALLER',
  /** The action an HTTP function's route records in the event's audit, set from its wiring trigger's `audit`. */
  auditAction: 'AUDIT_ACTION',
} as const;

export type EnvName = (typeof EnvNames)[keyof typeof EnvNames];

export class MissingConfigurationError extends Error {
  constructor(name: string) {
    super(`Missing configuration: environment variable ${name} is not set`);
    this.name = 'MissingConfigurationError';
  }
}

/** Reads a required variable; called at module load so a missing one fails the cold start, not a request. */
export const requireEnv = (name: EnvName): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new MissingConfigurationError(name);
  return value;
};

export const optionalEnv = (name: EnvName): string | undefined => process.env[name] || undefined;
