import * as z from '../../shared/zod';
import { parseRetention } from './retention-settings';
import { controllerSchema, type Controller } from '../../shared/pages/information/controller';

/** The CDK context keys a deployment is configured with (cdk.json, or `-c key=value`). */
export const ContextKeys = {
  stage: 'convene:stage',
  sesFromAddress: 'convene:sesFromAddress',
  sesIdentity: 'convene:sesIdentity',
  xSecretName: 'convene:xSecretName',
  sendRatePerSecond: 'convene:sendRatePerSecond',
  sendDailyQuota: 'convene:sendDailyQuota',
  alarmEmail: 'convene:alarmEmail',
  domainName: 'convene:domainName',
  certificateArn: 'convene:certificateArn',
  originCertificateArn: 'convene:originCertificateArn',
  reservedConcurrency: 'convene:reservedConcurrency',
  controller: 'convene:controller',
  dataRetentionDays: 'convene:dataRetentionDays',
  needsRetentionDays: 'convene:needsRetentionDays',
} as const;

/** Keys Convene no longer reads, with what took their place: a stale one stops the app rather than being ignored. */
const retiredKeys: Readonly<Record<string, string>> = {
  'convene:publicUrl':
    "is no longer read: links use the CloudFront distribution's address, or https://<convene:domainName> when a custom domain is set",
};

/** A custom public domain: the distribution answers on it, and every link in mail starts `https://<name>`. */
export interface CustomDomain {
  readonly name: string;
  /** An ACM certificate for the name in us-east-1, the only region CloudFront reads certificates from. */
  readonly certificateArn: string;
  /**
   * An ACM certificate for the name in the app's region. When given, the name is also the API's own custom
   * domain, CloudFront's origin, and the API's default execute-api endpoint is disabled.
   */
  readonly originCertificateArn?: string;
}

export interface Settings {
  /** Lower-case name of the deployment; prefixes stack and resource names. */
  readonly stage: string;
  readonly sesFromAddress: string;
  /** The verified SES identity (domain or address) the from-address sends as. */
  readonly sesIdentity: string;
  /** Name of the Secrets Manager secret holding the X API credentials. */
  readonly xSecretName: string;
  readonly sendRatePerSecond: number;
  /** Mails the SES account may send in 24 hours; campaigns are checked against it. */
  readonly sendDailyQuota: number;
  readonly alarmEmail?: string;
  /** @default none: the public address is the distribution's own `*.cloudfront.net` domain */
  readonly domain?: CustomDomain;
  /** Reserved concurrency by wiring function name; a function not named here is unreserved. */
  readonly reservedConcurrency: Readonly<Record<string, number>>;
  /**
   * The organising alliance, named as data controller by the privacy notice. @default none: the notice
   * names a placeholder that says to set this, which a real deployment must not go live with.
   */
  readonly controller?: Controller;
  /** Days after an event ends its personal data is kept. @default 180 */
  readonly dataRetentionDays: number;
  /** Days after an event ends its access and dietary needs are kept. @default 30 */
  readonly needsRetentionDays: number;
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

const certificateArnPattern = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/** The region an ACM certificate ARN names. */
export const regionOfCertificate = (arn: string): string | undefined => arn.split(':')[3];

const rules = {
  // Short enough that the longest derived name (an SQS queue, at most 80 characters) still fits.
  stage: z.string().check(z.regex(/^[a-z0-9-]{1,20}$/, 'must be 1-20 lower-case letters, digits or hyphens')),
  sesIdentity: z
    .string()
    .check(
      z.refine(
        (value) => domainPattern.test(value) || email.safeParse(value).success,
        'must be a domain or an email address verified in SES',
      ),
    ),
  xSecretName: z
    .string()
    .check(z.regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'must be a Secrets Manager secret name')),
  // Context given on the command line arrives as a string; cdk.json may hold a number.
  sendDailyQuota: z.coerce
    .number('must be a number')
    .check(z.int('must be a whole number'), z.positive('must be above 0')),
  sendRatePerSecond: z.coerce
    .number('must be a number')
    .check(z.refine((value) => Number.isFinite(value) && value > 0, 'must be a positive number')),
  domainName: z
    .string()
    .check(
      z.refine((value) => domainPattern.test(value), 'must be a domain name such as events.example.org'),
    ),
  certificateArn: z.string().check(
    z.regex(certificateArnPattern, 'must be an ACM certificate ARN'),
    z.refine(
      (value) => regionOfCertificate(value) === 'us-east-1',
      'must be a certificate in us-east-1, where CloudFront reads certificates',
    ),
  ),
  originCertificateArn: z.string().check(z.regex(certificateArnPattern, 'must be an ACM certificate ARN')),
  // Zero would stop the function altogether; unreserved is the absence of an entry.
  reservedConcurrency: z.record(z.string(), z.number().check(z.int(), z.gte(1))),
} as const;

const messageOf = (error: z.core.$ZodError, fallback: string): string => error.issues[0]?.message ?? fallback;

const isAbsent = (raw: unknown): boolean => raw === undefined || raw === null || raw === '';

const check = <T>(key: string, schema: z.ZodMiniType<T>, raw: unknown, problem: string): T => {
  if (isAbsent(raw)) throw new SettingsError(key, 'is required', raw);
  const result = schema.safeParse(raw);
  if (!result.success) throw new SettingsError(key, messageOf(result.error, problem), raw);
  return result.data;
};

/**
 * Reads and checks every setting; the first bad one throws a SettingsError naming its context key.
 * Takes a lookup rather than a CDK node so the local stack can check the same settings.
 */
export const parseSettings = (lookup: (key: string) => unknown): Settings => {
  for (const [key, problem] of Object.entries(retiredKeys)) {
    if (!isAbsent(lookup(key))) throw new SettingsError(key, problem, lookup(key));
  }
  const stage = check(ContextKeys.stage, rules.stage, lookup(ContextKeys.stage), 'invalid stage');
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
  const sendDailyQuota = isAbsent(rawQuota)
    ? 50_000
    : check(ContextKeys.sendDailyQuota, rules.sendDailyQuota, rawQuota, 'must be a whole number above 0');
  const rawAlarmEmail = lookup(ContextKeys.alarmEmail);
  const alarmEmail = isAbsent(rawAlarmEmail)
    ? undefined
    : check(ContextKeys.alarmEmail, email, rawAlarmEmail, 'must be an email address');
  return {
    stage,
    sesFromAddress,
    sesIdentity,
    xSecretName,
    sendRatePerSecond,
    sendDailyQuota,
    alarmEmail,
    domain: parseDomain(lookup),
    reservedConcurrency: parseReservedConcurrency(lookup(ContextKeys.reservedConcurrency)),
    controller: parseController(lookup(ContextKeys.controller)),
    ...parseRetention(lookup),
  };
};

/** `convene:controller`: an object in cdk.json, or its JSON on the command line. */
const parseController = (raw: unknown): Controller | undefined => {
  if (isAbsent(raw)) return undefined;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw new SettingsError(ContextKeys.controller, 'must be JSON { "name", "email", "address"? }', raw);
    }
  }
  return check(ContextKeys.controller, controllerSchema, value, 'must be { "name", "email", "address"? }');
};

/** The custom domain: a name and its CloudFront certificate come together or not at all. */
const parseDomain = (lookup: (key: string) => unknown): CustomDomain | undefined => {
  const [rawName, rawCertificate, rawOriginCertificate] = [
    lookup(ContextKeys.domainName),
    lookup(ContextKeys.certificateArn),
    lookup(ContextKeys.originCertificateArn),
  ];
  if (isAbsent(rawName)) {
    for (const [key, raw] of [
      [ContextKeys.certificateArn, rawCertificate],
      [ContextKeys.originCertificateArn, rawOriginCertificate],
    ] as const) {
      if (!isAbsent(raw)) throw new SettingsError(key, `is only used with ${ContextKeys.domainName}`, raw);
    }
    return undefined;
  }
  const name = check(ContextKeys.domainName, rules.domainName, rawName, 'invalid domain').toLowerCase();
  if (isAbsent(rawCertificate)) {
    throw new SettingsError(
      ContextKeys.certificateArn,
      `is required with ${ContextKeys.domainName}: an ACM certificate for ${name} in us-east-1`,
      rawCertificate,
    );
  }
  const certificateArn = check(
    ContextKeys.certificateArn,
    rules.certificateArn,
    rawCertificate,
    'invalid ARN',
  );
  const originCertificateArn = isAbsent(rawOriginCertificate)
    ? undefined
    : check(
        ContextKeys.originCertificateArn,
        rules.originCertificateArn,
        rawOriginCertificate,
        'invalid ARN',
      );
  return { name, certificateArn, ...(originCertificateArn === undefined ? {} : { originCertificateArn }) };
};

/** `{ "<function>": n }`, from cdk.json (an object) or `-c key='{...}'` (a JSON string). */
const parseReservedConcurrency = (raw: unknown): Readonly<Record<string, number>> => {
  if (isAbsent(raw)) return {};
  const problem = 'must be a JSON object of wiring function names to whole numbers of at least 1';
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new SettingsError(ContextKeys.reservedConcurrency, problem, raw);
    }
  }
  return check(ContextKeys.reservedConcurrency, rules.reservedConcurrency, value, problem);
};

/** Every function named in `convene:reservedConcurrency` must be a function of the wiring. */
export const checkReservedConcurrency = (settings: Settings, functionNames: readonly string[]): void => {
  const unknown = Object.keys(settings.reservedConcurrency).filter((name) => !functionNames.includes(name));
  if (unknown.length > 0) {
    throw new SettingsError(
      ContextKeys.reservedConcurrency,
      `names no function of the wiring: ${unknown.join(', ')} (the functions are ${functionNames.join(', ')})`,
      settings.reservedConcurrency,
    );
  }
};

/** Settings from a construct tree's context (an App or anything under it). */
export const settingsFromContext = (node: { tryGetContext(key: string): unknown }): Settings =>
  parseSettings((key) => node.tryGetContext(key));
