/**
 * Why a send failed, as far as the sender must act on it:
 * - `transient`: throttling or a fault on AWS's side; the same send later will likely go;
 * - `recipient`: this one message or address is refused (bad content, a malformed address); the
 *   entry fails and the rest go on;
 * - `configuration`: the account, its permissions or its identity are wrong (AccessDenied, an
 *   unverified identity, a paused account, a missing configuration set). No mail can go until someone
 *   fixes it, so the mail is held for a redrive, never counted as failed.
 */
export type SendFaultKind = 'transient' | 'recipient' | 'configuration';

/** What an AWS SDK error says about itself: its exception name, message, HTTP status and fault side. */
export interface AwsErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  readonly fault?: 'client' | 'server';
}

export interface SendFault {
  readonly kind: SendFaultKind;
  /** The exception name, e.g. `AccessDeniedException`. */
  readonly code: string;
  /** `code: message`, as kept on the ledger entry and logged. */
  readonly reason: string;
  /** For a configuration fault: what the operator should look at. */
  readonly hint?: string;
}

/** SES v2 SendEmail's own errors and AWS's common errors that mean the account or its setup is wrong. */
const CONFIGURATION_HINTS: Readonly<Record<string, string>> = {
  AccessDeniedException:
    "the sender's role lacks a permission (ses:SendRawEmail on the identity and configuration set)",
  AccessDenied:
    "the sender's role lacks a permission (ses:SendRawEmail on the identity and configuration set)",
  NotAuthorized: "the sender's role lacks a permission",
  UnrecognizedClientException: "the sender's credentials are not valid",
  InvalidClientTokenId: "the sender's credentials are not valid",
  ExpiredTokenException: "the sender's credentials have expired",
  IncompleteSignature: 'requests are not signed as AWS requires',
  InvalidSignatureException: 'requests are not signed as AWS requires',
  MissingAuthenticationToken: 'requests carry no credentials',
  OptInRequired: 'the account is not subscribed to SES in this region',
  AccountSuspendedException: 'SES has suspended sending for the account; see the SES console and AWS support',
  SendingPausedException: 'sending is paused for the account or the configuration set; resume it in SES',
  AccountSendingPausedException: 'sending is paused for the account; resume it in SES',
  ConfigurationSetSendingPausedException: 'sending is paused for the configuration set; resume it in SES',
  MailFromDomainNotVerifiedException: 'the custom MAIL FROM domain is not verified (its MX record)',
  NotFoundException: 'the configuration set or sending identity does not exist in this region',
  ConfigurationSetDoesNotExistException: 'the configuration set does not exist in this region',
  ResourceNotFoundException: 'a resource the sender needs (table, secret) does not exist',
};

/** Refusals that pass: throttling, quotas, AWS's own faults. */
const TRANSIENT = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'InternalFailure',
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/** Refusals of this one message: its content or its addresses. */
const RECIPIENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'InvalidParameterValue',
  'ValidationException',
  'ValidationError',
]);

/**
 * MessageRejected also says "Email address is not verified. The following identities failed the check
 * in region ..." when the sender's identity is unverified, or when the account is still in the SES
 * sandbox and the recipient is not verified: the account's setup either way, not the recipient's.
 */
const REJECTED_FOR_SETUP =
  /not verified|failed the check|sandbox|not authori[sz]ed|configuration set|sending paused|suspended/i;

const configuration = (code: string, reason: string, hint?: string): SendFault => ({
  kind: 'configuration',
  code,
  reason,
  hint: hint ?? 'a refusal Convene does not know; held rather than failed so no mail is lost',
});

/**
 * How the sender treats an error SES (or another AWS service on the send path) answered with. An
 * error it does not recognise is a configuration fault: held and alarmed, a mail is never lost to a
 * refusal no one has seen before.
 */
export const classifySendFault = (error: AwsErrorFacts): SendFault => {
  const { name: code, message, status, fault } = error;
  const reason = `${code}: ${message}`;
  const hint = CONFIGURATION_HINTS[code];
  if (hint !== undefined) return configuration(code, reason, hint);
  if (code === 'MessageRejected' && REJECTED_FOR_SETUP.test(message))
    return configuration(
      code,
      reason,
      'the sending identity is not verified in this region, or the account is still in the SES sandbox',
    );
  if (
    TRANSIENT.has(code) ||
    fault === 'server' ||
    status === 429 ||
    (status !== undefined && status >= 500) ||
    /throttl|rate exceeded/i.test(message)
  )
    return { kind: 'transient', code, reason };
  if (status === 401 || status === 403 || status === 404) return configuration(code, reason);
  if (RECIPIENT.has(code)) return { kind: 'recipient', code, reason };
  return configuration(code, reason);
};

/**
 * True for an error any AWS call on the send path (not only SES) raises when the account or its setup is
 * wrong: AccessDenied on the table, a missing secret. An error it does not name is not: a bug in Convene
 * is nobody's configuration, and fails the entry on its last receive as before.
 */
export const isConfigurationError = (error: AwsErrorFacts): boolean =>
  Object.hasOwn(CONFIGURATION_HINTS, error.name);

/** The count the sender publishes (Powertools metrics, namespace Convene) and the alarm watches. */
export const SEND_CONFIGURATION_FAULT_METRIC = 'SendConfigurationFault';
