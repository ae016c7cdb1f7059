import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { logger } from '../../adapters/observability';
import { SendRefusedError, sendRawEmail } from '../../adapters/ses';
import { nowIso } from '../../clock';
import type { SendRequest } from '../../domain/mail/send-request';
import { composeMime } from '../../mail/mime';
import { renderRegistrationMail } from './render-registration-mail';

/**
 * Sends one ledger entry, at most once. The message is rendered first (reads only); then the entry is
 * claimed (queued → sending) by a conditional write, and only the claimant calls SES. A duplicate
 * delivery or a retry after a crash finds the entry claimed or sent and sends nothing. SES refusing for
 * now (throttling) gives the entry back and rethrows, so the queue delivers it again later.
 */
export const sendMail = async (
  request: SendRequest,
): Promise<'sent' | 'skipped' | 'failed' | 'duplicate'> => {
  const entry = await ledgerRepository.find(request);
  if (!entry) {
    logger.warn('Send request without a ledger entry', { ...request });
    return 'skipped';
  }
  if (entry.status !== 'queued') return 'duplicate';

  const mail = await renderRegistrationMail(entry.spec, request.messageKey);
  if (!mail) {
    await ledgerRepository.finish(request, 'skipped', 'Nothing to send any more (erased or overtaken)');
    return 'skipped';
  }
  const raw = await composeMime(mail);
  if (!(await ledgerRepository.claim(request, nowIso()))) return 'duplicate';
  try {
    const sesMessageId = await sendRawEmail(raw, {
      convene_message: request.messageKey.replace(/[^\w-]/g, '_').slice(0, 256),
    });
    await ledgerRepository.markSent(request, sesMessageId, nowIso());
    return 'sent';
  } catch (error) {
    if (error instanceof SendRefusedError && error.retryable) {
      await ledgerRepository.release(request, error.message);
      throw error;
    }
    if (error instanceof SendRefusedError) {
      await ledgerRepository.finish(request, 'failed', error.message);
      logger.error('SES refused a message for good', { ...request, reason: error.message });
      return 'failed';
    }
    throw error;
  }
};
