import * as z from '../../zod';
import { sendRequestSchema, type SendRequest } from '../mail/send-request';

/** Why an address is on the suppression list: it bounced for good, or its owner marked the mail as spam. */
export type SuppressionReason = 'bounce' | 'complaint';

/** The tag the sender puts on every send (send-mail.ts `messageTag`): which ledger entry the mail is. */
export const MESSAGE_TAG = 'convene_message';

const tagValue = z.tuple([sendRequestSchema.shape.messageKey, sendRequestSchema.shape.recipientKey]);

/**
 * The ledger entry a mail SES reports on belongs to, from its `convene_message` tag (base64url JSON of
 * [messageKey, recipientKey]). Undefined for mail without the tag (not sent by Convene's sender).
 * A tag that is there but unreadable throws: only a bug makes one, and its event should end in the DLQ.
 */
export const sendRequestOfTags = (
  tags: Readonly<Record<string, readonly string[]>>,
): SendRequest | undefined => {
  const value = tags[MESSAGE_TAG]?.[0];
  if (value === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`Unreadable ${MESSAGE_TAG} tag: ${value}`);
  }
  const parsed = tagValue.safeParse(decoded);
  if (!parsed.success) throw new Error(`Unreadable ${MESSAGE_TAG} tag: ${value}`);
  const [messageKey, recipientKey] = parsed.data;
  return { messageKey, recipientKey };
};

/** What SES reported about a mail, reduced to what the suppression list needs. */
export type SesFeedback =
  | {
      readonly kind: 'bounce';
      readonly bounceType: string;
      readonly recipients: readonly { readonly emailAddress: string }[];
    }
  | { readonly kind: 'complaint'; readonly recipients: readonly { readonly emailAddress: string }[] };

/**
 * The addresses SES's feedback puts on the suppression list: every recipient of a permanent bounce
 * (the address does not exist or refuses mail for good) and every recipient who complained. A transient
 * or undetermined bounce (full mailbox, greylisting) suppresses nobody: the next mail may well arrive.
 */
export const addressesToSuppress = (
  feedback: SesFeedback,
): { readonly email: string; readonly reason: SuppressionReason }[] => {
  if (feedback.kind === 'bounce' && feedback.bounceType !== 'Permanent') return [];
  const seen = new Set<string>();
  return feedback.recipients.flatMap(({ emailAddress }) => {
    const email = emailAddress.trim();
    const key = email.toLowerCase();
    if (email === '' || seen.has(key)) return [];
    seen.add(key);
    return [{ email, reason: feedback.kind }];
  });
};
