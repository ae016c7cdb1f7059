import { enqueueSends } from '../../adapters/send-queue';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { nowIso } from '../../clock';
import { sendRequestFor, type MailSpec, type SendRequest } from '../../domain/mail/send-request';
import { dataExpiryOf } from '../gdpr/data-expiry';
import { writePace } from '../../domain/mail/write-pace';

const RECORD_CONCURRENCY = 16;
/**
 * A message's entries share one partition key (MSG#<messageKey>), and DynamoDB gives a partition 1,000
 * write units a second: a campaign's start records at most this many a second (sixteen at a time would
 * reach 2,000-3,000 on AWS), leaving room for its sender's claims and settles on the same partition
 * (3 units a send: 300 at 100 sends a second).
 */
const RECORDS_PER_SECOND = 500;

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
  const pace = writePace(RECORDS_PER_SECOND);
  for (let i = 0; i < mails.length; i += RECORD_CONCURRENCY) {
    await pace.after(i);
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
