import { ledgerRepository, type LedgerEntry } from '../../adapters/dynamo/ledger-repository';
import { enqueueSends } from '../../adapters/send-queue';
import { nowIso } from '../../clock';
import { mayRetry } from '../../domain/delivery/mail-record';
import type { SendRequest } from '../../domain/mail/send-request';
import { loadConference } from '../load-conference';

const sameMail = (a: SendRequest, b: SendRequest): boolean =>
  a.messageKey === b.messageKey && a.recipientKey === b.recipientKey;

/**
 * Sends an event's failed mail again (all of it, or the mails named): each failed entry goes back to the
 * queue once, through the ledger's own condition (only from `failed`), so a mail that went, or one
 * already being tried again, is never sent twice; the sender's claim then makes its send the only one.
 * Bounced, complained and suppressed mail is not tried again. If the queue refuses, the entries go back
 * to failed, so the page offers the retry again.
 */
export const retryFailedMail = async (eventId: string, only?: readonly SendRequest[]) => {
  await loadConference(eventId);
  const failed = (await ledgerRepository.problemsOf(eventId)).filter(
    (e) => mayRetry(e) && (only === undefined || only.some((o) => sameMail(o, e))),
  );
  const at = nowIso();
  const requeued: LedgerEntry[] = [];
  for (const entry of failed) if (await ledgerRepository.requeueFailed(entry, at)) requeued.push(entry);
  try {
    await enqueueSends(requeued.map(({ messageKey, recipientKey }) => ({ messageKey, recipientKey })));
  } catch (error) {
    for (const entry of requeued) {
      await ledgerRepository.settle(entry, ['queued'], 'failed', {
        at: nowIso(),
        reason: entry.reason ?? 'Could not be queued again',
      });
    }
    throw error;
  }
  return { retried: requeued.length };
};
