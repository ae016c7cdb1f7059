import * as z from '../zod';
import { MAIL_STATES } from '../domain/delivery/mail-record';
import { mailSpecSchema } from '../domain/mail/send-request';

const mailKinds = mailSpecSchema.def.options.map((option) => option.shape.kind.def.values[0]);

/**
 * One mail to one delegate, as the send ledger records it and SES reported on it. Its fields are kept
 * apart from its name (`MailRecord`) so mailProblem can extend them: zod/mini keeps a name given by
 * `.check(z.meta(...))` among an object's checks, and an extension would carry it over.
 */
const mailRecordObject = z.object({
  messageKey: z.string().check(z.describe('The ledger key of the message; with registrationId, one mail')),
  registrationId: z.string(),
  kind: z.enum(mailKinds as [string, ...string[]]),
  label: z
    .string()
    .check(z.describe('What the mail was, in words: "Booking confirmed", "Reminder", "Campaign"...')),
  subject: z
    .nullable(z.string())
    .check(
      z.describe(
        "The subject as sent; a campaign's as its organiser wrote it (placeholders unfilled); null while not yet rendered",
      ),
    ),
  state: z
    .enum(MAIL_STATES)
    .check(
      z.describe(
        'queued (waiting to send), held (sending is stopped for the whole service; it goes once fixed), ' +
          'sending, sent (SES took it), bounced, complained (marked as spam), suppressed (not sent: the ' +
          'address bounced or complained before, or unsubscribed from mail like this), skipped (nothing to ' +
          'send any more: the booking changed, was cancelled or erased), failed (not sent), withheld (not ' +
          'sent: more than 5 new registrations for this address in a day, a sign of a flood)',
      ),
    ),
  reason: z
    .nullable(z.string())
    .check(z.describe("The recorded reason: SES's refusal, bounce type or complaint")),
  explanation: z.nullable(z.string()).check(z.describe('The state and what follows from it, in plain words')),
  queuedAt: z.nullable(z.string()),
  settledAt: z.nullable(z.string()).check(z.describe('When it was sent, failed or found not to be sent')),
  feedbackAt: z.nullable(z.string()).check(z.describe('When SES reported the bounce or complaint')),
  retriable: z.boolean().check(z.describe('True for a failed mail, which organisers may send again')),
});
export const mailRecord = mailRecordObject.check(z.meta({ id: 'MailRecord' }));
export type MailRecordBody = z.infer<typeof mailRecord>;

export const registrationMails = z
  .object({
    eventId: z.string(),
    registrationId: z.string(),
    mails: z.array(mailRecord).check(z.describe('Every mail recorded for the delegate, newest first')),
  })
  .check(z.meta({ id: 'RegistrationMails' }));

export const mailProblem = z
  .extend(mailRecordObject, {
    delegate: z
      .nullable(z.object({ name: z.string(), email: z.string(), organisation: z.nullable(z.string()) }))
      .check(z.describe('Who it was for; null once erased')),
    at: z.string().check(z.describe('When it became a problem')),
  })
  .check(z.meta({ id: 'MailProblem' }));

export const mailProblems = z
  .object({
    eventId: z.string(),
    problems: z
      .array(mailProblem)
      .check(
        z.describe(
          'Bounced, complained, failed and suppressed mail, newest first (not mail an unsubscribe stopped)',
        ),
      ),
  })
  .check(z.meta({ id: 'MailProblems' }));
