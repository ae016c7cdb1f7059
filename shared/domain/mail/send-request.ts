import { z } from 'zod';

/**
 * One send on the queue: which ledger entry to send. The entry says what to render; the queue
 * message carries no personal data, so erasure never has to chase it.
 */
export const sendRequestSchema = z.object({
  messageKey: z.string().min(1).max(200),
  recipientKey: z.string().min(1).max(200),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

/** What a ledger entry renders: a registration mail of one kind, at one version of the registration. */
export const mailSpecSchema = z.object({
  kind: z.literal('registration'),
  template: z.enum(['confirmed', 'waitlisted', 'promoted', 'cancelled']),
  registrationId: z.string(),
  version: z.number().int(),
});
export type MailSpec = z.infer<typeof mailSpecSchema>;

/** The ledger key of a registration mail: one per (registration change, recipient). */
export const registrationMessageKey = (spec: MailSpec): string =>
  `registration:${spec.registrationId}:${spec.template}:v${spec.version}`;
