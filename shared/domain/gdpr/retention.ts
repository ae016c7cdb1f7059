/**
 * How long an event's personal data is kept: a number of days after the event ends, then DynamoDB's TTL
 * removes it. Access and dietary needs (special category data) have their own, shorter retention.
 */
export const DEFAULT_RETENTION_DAYS = 180;
export const DEFAULT_NEEDS_RETENTION_DAYS = 30;
/** The most a deployment may set (about seven years, as for records an auditor may ask for). */
export const MAX_RETENTION_DAYS = 2557;

export interface Retention {
  readonly days: number;
  readonly needsDays: number;
}

const DAY_SECONDS = 86_400;

/** The TTL value (epoch seconds) of personal data kept `days` after an event that ends at `endsAt`. */
export const expiryAfter = (endsAt: string, days: number): number =>
  Math.floor(new Date(endsAt).getTime() / 1000) + days * DAY_SECONDS;

/** When an event's personal data expires, and its access and dietary needs (TTL values, epoch seconds). */
export interface Expiries {
  readonly data: number;
  readonly needs: number;
}

export const expiriesAfter = (endsAt: string, retention: Retention): Expiries => ({
  data: expiryAfter(endsAt, retention.days),
  needs: expiryAfter(endsAt, retention.needsDays),
});

/**
 * How long an audit record is kept after the action it records: two years, so who exported or erased a
 * delegate's data can still be answered (to the delegate, or the ICO) well after that data is gone, while
 * the organisers it names are not kept for ever.
 */
export const AUDIT_RETENTION_DAYS = 730;

/** The TTL value of an audit record of an action at `at`. */
export const auditExpiryOf = (at: string): number =>
  Math.floor(new Date(at).getTime() / 1000) + AUDIT_RETENTION_DAYS * DAY_SECONDS;

/** A retention setting read from configuration: a whole number of days from 1 to MAX_RETENTION_DAYS. */
export const parseRetentionDays = (raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new Error(
      `A retention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got "${raw}"`,
    );
  }
  return days;
};
