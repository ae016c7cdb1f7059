import { z } from 'zod';

/** The CDK context keys a deployment is configured with (cdk.json, or `-c key=value`). */
export const ContextKeys = {
  stage: 'convene:stage',
  publicUrl: 'convene:publicUrl',
  sesFromAddress: 'convene:sesFromAddress',
  sesIdentity: 'convene:sesIdentity',
  xSecretName: 'convene:xSecretName',
  sendRatePerSecond: 'convene:sendRatePerSecond',
  sendDailyQuota: 'convene:sendDailyQuota',
  alarmEmail: 'convene:alarmEmail',
} as const;

export interface Settings {
  /** Lower-case name of the deployment; prefixes stack and resource names. */
  readonly stage: string;
  /** Base URL of the links put in emails, without a trailing slash. */
  readonly publicUrl: string;
  readonly sesFromAddress: string;
  /** The verified SES identity (domain or address) the from-address sends as. */
  readonly sesIdentity: string;
  /** Name of the Secrets Manager secret holding the X API credentials. */
  readonly xSecretName: string;
  readonly sendRatePerSecond: number;
  /** Mails the SES account may send in 24 hours; campaigns are checked against it. */
  readonly sendDailyQuota: number;
  readonly alarmEmail?: string;
}

/** Stages whose data outlives a stack: their table and user pool are retained and deletion-protected. */
export const isProductionStage = (stage: string): boolean => stage === 'prod';

export class SettingsError extends Error {
  constructor(key: string, problem: string, value: unknown) {
    super(`Invalid CDK context "${key}": ${problem} (got ${JSON.stringify(value) ?? 'undefined'})`);
    this.name = 'SettingsError';
  }
}

const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const email = z.email('must be an email address');

const rules = {
  // Short enough that the longest derived name (an SQS queue, at most 80 characters) still fits.
  stage: z.string().regex(/^[a-z0-9-]{1,20}$/, 'must be 1-20 lower-case letters, digits or hyphens'),
  publicUrl: z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.search === '' && url.hash === '';
      } catch {
        return false;
      }
    }, 'must be an https:// URL without a query or fragment')
    // Links are built as `${PUBLIC_URL}/path`, so a trailing slash would double up.
    .transform((value) => value.replace(/\/+$/, '')),
  sesIdentity: z
    .string()
    .refine(
      (value) => domainPattern.test(value) || email.safeParse(value).success,
      'must be a domain or an email address verified in SES',
    ),
  xSecretName: z.string().regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'must be a Secrets Manager secret name'),
  // Context given on the command line arrives as a string; cdk.json may hold a number.
  sendDailyQuota: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .positive('must be above 0'),
  sendRatePerSecond: z.coerce
    .number('must be a number')
    .refine((value) => Number.isFinite(value) && value > 0, 'must be a positive number'),
} as const;

const messageOf = (error: z.ZodError, fallback: string): string => error.issues[0]?.message ?? fallback;

const check = <T>(key: string, schema: z.ZodType<T>, raw: unknown, problem: string): T => {
  if (raw === undefined || raw === null || raw === '') throw new SettingsError(key, 'is required', raw);
  const result = schema.safeParse(raw);
  if (!result.success) throw new SettingsError(key, messageOf(result.error, problem), raw);
  return result.data;
};

/**
 * Reads and checks every setting; the first bad one throws a SettingsError naming its context key.
 * Takes a lookup rather than a CDK node so the local stack can check the same settings.
 */
export const parseSettings = (lookup: (key: string) => unknown): Settings => {
  const stage = check(ContextKeys.stage, rules.stage, lookup(ContextKeys.stage), 'invalid stage');
  const publicUrl = check(
    ContextKeys.publicUrl,
    rules.publicUrl,
    lookup(ContextKeys.publicUrl),
    'invalid URL',
  );
  const sesFromAddress = check(
    ContextKeys.sesFromAddress,
    email,
    lookup(ContextKeys.sesFromAddress),
    'must be an email address',
  );
  const sesIdentity = check(
    ContextKeys.sesIdentity,
    rules.sesIdentity,
    lookup(ContextKeys.sesIdentity),
    'invalid SES identity',
  ).toLowerCase();
  const fromDomain = sesFromAddress.slice(sesFromAddress.lastIndexOf('@') + 1).toLowerCase();
  const covered = sesIdentity.includes('@')
    ? sesFromAddress.toLowerCase() === sesIdentity
    : fromDomain === sesIdentity || fromDomain.endsWith(`.${sesIdentity}`);
  // The IAM grant is on the identity, so a from-address it does not cover would fail every send.
  if (!covered) {
    throw new SettingsError(
      ContextKeys.sesFromAddress,
      `must be an address of the SES identity "${sesIdentity}"`,
      sesFromAddress,
    );
  }
  const xSecretName = check(
    ContextKeys.xSecretName,
    rules.xSecretName,
    lookup(ContextKeys.xSecretName),
    'invalid secret name',
  );
  const sendRatePerSecond = check(
    ContextKeys.sendRatePerSecond,
    rules.sendRatePerSecond,
    lookup(ContextKeys.sendRatePerSecond),
    'must be a positive number',
  );
  const rawQuota = lookup(ContextKeys.sendDailyQuota);
  const sendDailyQuota =
    rawQuota === undefined || rawQuota === null || rawQuota === ''
      ? 50_000
      : check(ContextKeys.sendDailyQuota, rules.sendDailyQuota, rawQuota, 'must be a whole number above 0');
  const rawAlarmEmail = lookup(ContextKeys.alarmEmail);
  const alarmEmail =
    rawAlarmEmail === undefined || rawAlarmEmail === null || rawAlarmEmail === ''
      ? undefined
      : check(ContextKeys.alarmEmail, email, rawAlarmEmail, 'must be an email address');
  return {
    stage,
    publicUrl,
    sesFromAddress,
    sesIdentity,
    xSecretName,
    sendRatePerSecond,
    sendDailyQuota,
    alarmEmail,
  };
};

/** Settings from a construct tree's context (an App or anything under it). */
export const settingsFromContext = (node: { tryGetContext(key: string): unknown }): Settings =>
  parseSettings((key) => node.tryGetContext(key));
