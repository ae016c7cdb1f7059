import { DETAIL_TYPE as BOOKING_MAIL_REQUESTED } from '../../../events/booking-mail-requested';
import { SES_SOURCE } from '../../../events/delivery-contracts';

/**
 * What the bus's kept copies (its archive and its log) may hold. SES's events name the recipients
 * (`mail.destination`, the bounced or complaining recipients, the headers), and a Booking Mail Requested
 * event carries an address's keyed digest (pseudonymous, still personal data): an erasure could not
 * reach either in a copy. On AWS the archive and the log rule leave these out by
 * pattern; the local archive keeps them without the addresses (archivedCopy), so a test can still see
 * that SES reported.
 */
export const unarchivedSources: readonly string[] = [SES_SOURCE];
export const unarchivedDetailTypes: readonly string[] = [BOOKING_MAIL_REQUESTED];

interface Envelope {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: unknown;
}

const pick = (value: unknown, keys: readonly string[]): Record<string, unknown> | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));
};

/** An SES event's detail with only what names no one: the kind, the times, the message id and tags. */
const sesDetailWithoutAddresses = (detail: unknown): Record<string, unknown> => {
  const d = (typeof detail === 'object' && detail !== null ? detail : {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries({
      eventType: d.eventType,
      mail: pick(d.mail, ['timestamp', 'messageId', 'tags']),
      bounce: pick(d.bounce, ['bounceType', 'bounceSubType', 'timestamp']),
      complaint: pick(d.complaint, ['complaintFeedbackType', 'timestamp']),
      delivery: pick(d.delivery, ['timestamp']),
    }).filter(([, v]) => v !== undefined),
  );
};

/** The copy of an event a kept archive holds: as it is, unless it names an address. */
export const archivedCopy = <E extends Envelope>(event: E): E => {
  if (unarchivedSources.includes(event.source)) {
    return { ...event, detail: sesDetailWithoutAddresses(event.detail) };
  }
  if (unarchivedDetailTypes.includes(event['detail-type'])) {
    const detail = { ...(event.detail as Record<string, unknown>) };
    delete detail.addressDigest;
    return { ...event, detail };
  }
  return event;
};
