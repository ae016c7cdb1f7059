import * as z from '../shared/zod';
import { defineEvent, type EventContract } from './contract';

/**
 * SES's sending events, as SES publishes them to the default bus and the messaging stack's rule forwards
 * them (those of Convene's configuration set) to Convene's bus. The schemas hold only what Convene reads;
 * zod strips the rest (headers, commonHeaders, ...), so SES adding fields never breaks a consumer.
 */
export const SES_SOURCE = 'aws.ses';

/** Every tag of the send, SES's own (`ses:configuration-set`, ...) and the sender's (`convene_message`). */
const mailTags = z.record(z.string(), z.array(z.string()));

const mail = z.object({
  timestamp: z.string(),
  messageId: z.string(),
  destination: z.array(z.string()),
  tags: z._default(mailTags, {}),
});
export type SesMail = z.infer<typeof mail>;

const recipient = z.object({ emailAddress: z.string() });

export const emailSentSchema = z.object({ eventType: z.literal('Send'), mail });
export type EmailSent = z.infer<typeof emailSentSchema>;
export const EmailSent = defineEvent(SES_SOURCE, 'Email Sent', emailSentSchema, 'email-sent.json');

export const emailBouncedSchema = z.object({
  eventType: z.literal('Bounce'),
  mail,
  bounce: z.object({
    /** Only `Permanent` means the address will never take mail; `Transient` and `Undetermined` may pass. */
    bounceType: z.string(),
    bounceSubType: z.optional(z.string()),
    bouncedRecipients: z.array(recipient),
    timestamp: z.string(),
    feedbackId: z.optional(z.string()),
  }),
});
export type EmailBounced = z.infer<typeof emailBouncedSchema>;
export const EmailBounced = defineEvent(
  SES_SOURCE,
  'Email Bounced',
  emailBouncedSchema,
  'email-bounced.json',
);

export const emailComplaintSchema = z.object({
  eventType: z.literal('Complaint'),
  mail,
  complaint: z.object({
    complainedRecipients: z.array(recipient),
    timestamp: z.string(),
    feedbackId: z.optional(z.string()),
    complaintFeedbackType: z.optional(z.string()),
  }),
});
export type EmailComplaintReceived = z.infer<typeof emailComplaintSchema>;
export const EmailComplaintReceived = defineEvent(
  SES_SOURCE,
  'Email Complaint Received',
  emailComplaintSchema,
  'email-complaint-received.json',
);

/** The delivery area's bus events; each one is also exported by name from here. */
export const deliveryContracts: readonly EventContract[] = [EmailSent, EmailBounced, EmailComplaintReceived];
