import type { EmailBounced, EmailComplaintReceived } from '../../../events';
import { suppressionRepository } from '../../adapters/dynamo/suppression-repository';
import { addressesToSuppress, type SesFeedback } from '../../domain/delivery/ses-feedback';

const feedbackOf = (detail: EmailBounced | EmailComplaintReceived): { feedback: SesFeedback; at: string } =>
  detail.eventType === 'Bounce'
    ? {
        feedback: {
          kind: 'bounce',
          bounceType: detail.bounce.bounceType,
          recipients: detail.bounce.bouncedRecipients,
        },
        at: detail.bounce.timestamp,
      }
    : {
        feedback: { kind: 'complaint', recipients: detail.complaint.complainedRecipients },
        at: detail.complaint.timestamp,
      };

/**
 * Puts the addresses of a permanent bounce or a complaint on the suppression list; the sender then sends
 * them nothing of any kind (counted `suppressed`). Listing an address again changes nothing that matters,
 * so a redelivered event is harmless.
 */
export const suppressAddresses = async (detail: EmailBounced | EmailComplaintReceived): Promise<number> => {
  const { feedback, at } = feedbackOf(detail);
  const addresses = addressesToSuppress(feedback);
  for (const { email, reason } of addresses) await suppressionRepository.suppress(email, reason, at);
  return addresses.length;
};
