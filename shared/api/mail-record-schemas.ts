import * as z from 'zod';
import { MAIL_STATES } from '../domain/delivery/mail-record';
import { mailSpecSchema } from '../domain/mail/send-request';

const mailKinds = mailSpecSchema.options.map((option) => option.shape.kind.value);

/** One mail to one delegate, as the send ledger records it and SES reported on it. */
export const mailRecord = z
  .object({
    messageKey: z.string().describe('The ledger key of the message; with registrationId, one mail'),
    registrationId: z.string(),
    kind: z.enum(mailKinds as [string, ...string[]]),
    label: z.string().describe('What the mail was, in words: "Booking confirmed", "Reminder", "Campaign"...'),
    subject: z
      .string()
      .nullable()
      .describe(
        "The subject as sent; a campaign's as its organiser wrote it (placeholders unfilled); null while not yet rendered",
      ),
    state: z
      .enum(MAIL_STATES)
      .describe(
        'queued (waiting to send), held (sending is stopped for the whole service; it goes once fixed), ' +
          'sending, sent (SES took it), bounced, complained (marked as spam), suppressed (not sent: the ' +
          'address bounced or complained before, or unsubscribed from mail like this), skipped (nothing to ' +
          'send any more: the booking changed, was cancelled or erased), failed (not sent), withheld (not ' +
          'sent: more than 5 new registrations for this address in a day, a sign of a flood)',
      ),
    reason: z.string().nullable().describe("The recorded reason: SES's refusal, bounce type or complaint"),
    explanation: z.string().nullable().describe('The state and what follows from it, in plain words'),
    queuedAt: z.string().nullable(),
    settledAt: z.string().nullable().describe('When it was sent, failed or found not to be sent'),
    feedbackAt: z.string().nullable().describe('When SES reported the bounce or complaint'),
    retriable: z.boolean().describe('True for a failed mail, which organisers may send again'),
  })
  .meta({ id: 'MailRecord' });
export type MailRecordBody = z.infer<typeof mailRecord>;

export const registrationMails = z
  .object({
    eventId: z.string(),
    registrationId: z.string(),
    mails: z.array(mailRecord).describe('Every mail recorded for the delegate, newest first'),
  })
  .meta({ id: 'RegistrationMails' });

export const mailProblem = mailRecord
  .extend({
    delegate: z
      .object({ name: z.string(), email: z.string(), organisation: z.string().nullable() })
      .nullable()
      .describe('Who it was for; null once erased'),
    at: z.string().describe('When it became a problem'),
  })
  .meta({ id: 'MailProblem' });

export const mailProblems = z
  .object({
    eventId: z.string(),
    problems: z
      .array(mailProblem)
      .describe(
        'Bounced, complained, failed and suppressed mail, newest first (not mail an unsubscribe stopped)',
      ),
  })
  .meta({ id: 'MailProblems' });
