import type { EventCancelled, EventUpdated } from '../../../events';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { logger } from '../../adapters/observability';
import {
  eventCancelledMessageKey,
  eventChangeMessageKey,
  type MailSpec,
} from '../../domain/mail/send-request';
import type { Parsed } from '../../bus/bus-event';
import { queueMails } from '../mail/queue-mail';

export type EventChangeAnnounced = Parsed<[typeof EventUpdated, typeof EventCancelled]>;

/** The mail each delegate holding or awaiting a place gets, keyed so a repeated announcement adds nothing. */
const mailFor = (
  change: EventChangeAnnounced,
): { messageKey: string; spec: (registrationId: string) => MailSpec } | undefined => {
  const { detail } = change;
  const { event } = detail;
  if (!('changed' in detail))
    return {
      messageKey: eventCancelledMessageKey(event.eventId),
      spec: (registrationId) => ({ kind: 'event-cancelled', eventId: event.eventId, registrationId }),
    };
  const { changes = [], notify = true } = detail;
  if (!notify || changes.length === 0 || event.status !== 'published') return undefined;
  return {
    messageKey: eventChangeMessageKey(event.eventId, event.version),
    spec: (registrationId) => ({
      kind: 'event-change',
      eventId: event.eventId,
      revision: event.version,
      changes,
      registrationId,
    }),
  };
};

/**
 * Tells every confirmed and waitlisted delegate that their event changed or was cancelled: one ledger
 * entry each per (change, delegate), then the send queue. Returns how many entries were new.
 */
export const queueEventChangeMail = async (change: EventChangeAnnounced): Promise<number> => {
  const mail = mailFor(change);
  if (!mail) return 0;
  let created = 0;
  for await (const page of registrationRepository.ofEvent(change.detail.event.eventId)) {
    const mails = page
      .filter((r) => (r.status === 'confirmed' || r.status === 'waitlisted') && r.delegate !== undefined)
      .map((r) => ({ messageKey: mail.messageKey, spec: mail.spec(r.registrationId) }));
    if (mails.length > 0) created += await queueMails(change.detail.event.eventId, mails);
  }
  logger.info('Event change queued', {
    eventId: change.detail.event.eventId,
    messageKey: mail.messageKey,
    created,
  });
  return created;
};
