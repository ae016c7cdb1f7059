import type { SesMail } from '../../../events';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { logger } from '../../adapters/observability';
import { nowIso } from '../../clock';
import { sendRequestOfTags } from '../../domain/delivery/ses-feedback';

export type SettleOutcome = 'settled' | 'already-settled' | 'not-convene' | 'unknown-entry';

/**
 * SES's Send event says SES took the mail: the ledger entry it names becomes `sent` if it is still open.
 * This is what settles a send whose outcome the sender never learnt (a timeout, a dropped connection, a
 * crash after SES accepted), so the sender's next delivery finds it settled and sends nothing.
 * Idempotent: an entry already settled (by the sender itself, or an earlier copy of this event) is left
 * alone, and so is its campaign counter. From `queued` too: SES having sent it is what counts; and from
 * `failed` (the sender gave up on its last receive after SES had taken it), so a retry sends no second copy.
 */
export const settleSentMail = async (mail: SesMail): Promise<SettleOutcome> => {
  const request = sendRequestOfTags(mail.tags);
  if (!request) return 'not-convene';
  const entry = await ledgerRepository.findByMessage(request.messageKey, request.recipientKey);
  if (!entry) {
    logger.warn('SES sent a mail with no ledger entry', { ...request, sesMessageId: mail.messageId });
    return 'unknown-entry';
  }
  if (entry.status === 'failed') {
    const corrected = await ledgerRepository.settleFailedAsSent(entry, {
      at: nowIso(),
      sesMessageId: mail.messageId,
    });
    if (corrected)
      logger.warn('A send recorded as failed was sent', { ...request, sesMessageId: mail.messageId });
    return corrected ? 'settled' : 'already-settled';
  }
  if (entry.status !== 'queued' && entry.status !== 'sending') return 'already-settled';
  const settled = await ledgerRepository.settle(entry, ['queued', 'sending'], 'sent', {
    at: nowIso(),
    sesMessageId: mail.messageId,
  });
  if (settled) logger.info('Send settled from SES Send event', { ...request, sesMessageId: mail.messageId });
  return settled ? 'settled' : 'already-settled';
};
