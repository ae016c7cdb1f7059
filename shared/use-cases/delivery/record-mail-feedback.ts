import type { EmailBounced, EmailComplaintReceived } from '../../../events';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { logger } from '../../adapters/observability';
import { mailFeedbackOf } from '../../domain/delivery/mail-record';
import { sendRequestOfTags } from '../../domain/delivery/ses-feedback';

/**
 * Keeps SES's bounce or complaint on the ledger entry of the mail it is about (its `convene_message`
 * tag), so the delegate's page and the event's mail problems say what happened to it. The suppression
 * list is kept apart (suppress-addresses.ts). A report about mail Convene did not send changes nothing.
 */
export const recordMailFeedback = async (
  detail: EmailBounced | EmailComplaintReceived,
): Promise<'recorded' | 'not-convene' | 'unknown-entry'> => {
  const request = sendRequestOfTags(detail.mail.tags);
  if (!request) return 'not-convene';
  const feedback =
    detail.eventType === 'Bounce'
      ? mailFeedbackOf(
          {
            kind: 'bounce',
            bounceType: detail.bounce.bounceType,
            ...(detail.bounce.bounceSubType ? { bounceSubType: detail.bounce.bounceSubType } : {}),
          },
          detail.bounce.timestamp,
        )
      : mailFeedbackOf(
          {
            kind: 'complaint',
            ...(detail.complaint.complaintFeedbackType
              ? { feedbackType: detail.complaint.complaintFeedbackType }
              : {}),
          },
          detail.complaint.timestamp,
        );
  if (await ledgerRepository.noteFeedback(request, feedback)) return 'recorded';
  logger.warn('SES reported on a mail with no ledger entry', { ...request, kind: feedback.kind });
  return 'unknown-entry';
};
