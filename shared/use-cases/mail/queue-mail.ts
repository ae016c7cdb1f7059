import { enqueueSends } from '../../adapters/send-queue';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { nowIso } from '../../clock';
import { sendRequestFor, type MailSpec, type SendRequest } from '../../domain/mail/send-request';
import { dataExpiryOf } from '../gdpr/data-expiry';

const RECORD_CONCURRENCY = 16;

/**
 * Records mails about one event in the ledger, one entry per (message, recipient), then queues those not
 * yet done. Recording again finds the entry: a sent one is left alone, a queued one is queued again (the
 * sender sends each entry once however often it is queued). Returns how many entries were new. Each
 * entry expires with the event's personal data.
 */
export const queueMails = async (
  eventId: string,
  mails: readonly { messageKey: string; spec: MailSpec }[],
): Promise<number> => {
  const expiresAt = await dataExpiryOf(eventId);
  const toQueue: SendRequest[] = [];
  let created = 0;
  for (let i = 0; i < mails.length; i += RECORD_CONCURRENCY) {
    await Promise.all(
      mails.slice(i, i + RECORD_CONCURRENCY).map(async ({ messageKey, spec }) => {
        const request = sendRequestFor(messageKey, spec);
        const { entry, isNew } = await ledgerRepository.record(request, spec, nowIso(), eventId, {
          expiresAt,
        });
        if (isNew) created += 1;
        if (entry.status === 'queued') toQueue.push(request);
      }),
    );
  }
  await enqueueSends(toQueue);
  return created;
};
