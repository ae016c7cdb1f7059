import * as z from '../../zod';
import { eventChangeSchema } from '../../../events/event-change';

/**
 * One send on the queue: which ledger entry to send. The entry says what to render; the queue
 * message carries no personal data, so erasure never has to chase it.
 */
export const sendRequestSchema = z.object({
  messageKey: z.string().check(z.minLength(1), z.maxLength(200)),
  recipientKey: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

/** What a ledger entry renders. Every kind is addressed to one registration's delegate. */
export const mailSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('registration'),
    // 'substituted': the note to a delegate whose place was passed to a colleague.
    template: z.enum(['confirmed', 'waitlisted', 'promoted', 'cancelled', 'substituted']),
    registrationId: z.string(),
    version: z.number().check(z.int()),
  }),
  z.object({
    kind: z.literal('reminder'),
    eventId: z.string(),
    /** Which step of the event's reminder plan, e.g. `7d@09:00`. */
    reminderKey: z.string(),
    registrationId: z.string(),
  }),
  z.object({ kind: z.literal('campaign'), campaignId: z.string(), registrationId: z.string() }),
  z.object({
    kind: z.literal('survey'),
    eventId: z.string(),
    /** The invitation, or the reminder to those who have not answered. */
    step: z.enum(['invitation', 'reminder']),
    registrationId: z.string(),
  }),
  z.object({
    kind: z.literal('event-change'),
    eventId: z.string(),
    /** The event's version after the change: one mail per (change, delegate). */
    revision: z.number().check(z.int()),
    changes: z.array(eventChangeSchema),
    registrationId: z.string(),
  }),
  z.object({ kind: z.literal('event-cancelled'), eventId: z.string(), registrationId: z.string() }),
]);
export type MailSpec = z.infer<typeof mailSpecSchema>;
export type RegistrationMailSpec = Extract<MailSpec, { kind: 'registration' }>;

/**
 * Campaign mail honours unsubscribes; transactional mail (confirmations, reminders) reaches
 * unsubscribed delegates too. Neither goes to a suppressed (bounced, complained) address. A survey
 * invitation is one mail about the day the delegate came to, so it goes like a reminder (API.md: to
 * every delegate checked in); the survey reminder chases, so it honours unsubscribes like a campaign.
 */
export const mailCategory = (spec: MailSpec): 'transactional' | 'campaign' =>
  spec.kind === 'campaign' || (spec.kind === 'survey' && spec.step === 'reminder')
    ? 'campaign'
    : 'transactional';

/** What every message about one registration alone begins with: its booking mail and their resends. */
const ownMessagePrefix = (registrationId: string): string => `registration:${registrationId}:`;

/** The ledger key of a registration mail: one per (registration change, recipient). */
export const registrationMessageKey = (spec: RegistrationMailSpec): string =>
  `${ownMessagePrefix(spec.registrationId)}${spec.template}:v${spec.version}`;

/**
 * A booking mail sent again on request (a lost manage link): one per request, so each resend is its own
 * message, and a request delivered twice is still one mail.
 */
export const bookingResendMessageKey = (registrationId: string, requestedAt: string): string =>
  `${ownMessagePrefix(registrationId)}resend:${requestedAt}`;

/**
 * Whether the message goes to this recipient alone (a mail about its own registration), rather than to
 * many (a reminder, a survey, a campaign, an event's change), each recipient with an entry of its own.
 */
export const isOwnMessage = (r: SendRequest): boolean =>
  r.messageKey.startsWith(ownMessagePrefix(r.recipientKey));

/** One reminder mail per (event, plan step, instant it was due): a moved event's reminder is a new message. */
export const reminderMessageKey = (eventId: string, reminderKey: string, dueAt: string): string =>
  `reminder:${eventId}:${reminderKey}:${dueAt}`;

/**
 * One survey mail per (event, step), whenever it fires: a survey moved after its invitation went out
 * invites nobody twice.
 */
export const surveyMessageKey = (eventId: string, step: 'invitation' | 'reminder'): string =>
  `survey:${eventId}:${step}`;

/** One mail per (change of the event, delegate): a change announced again adds nothing. */
export const eventChangeMessageKey = (eventId: string, revision: number): string =>
  `event-change:${eventId}:v${revision}`;

/** One cancellation mail per delegate, however often the cancellation is announced. */
export const eventCancelledMessageKey = (eventId: string): string => `event-cancelled:${eventId}`;

export const campaignMessageKey = (campaignId: string): string => `campaign:${campaignId}`;

/** The request for one spec: the recipient is always the registration. */
export const sendRequestFor = (messageKey: string, spec: MailSpec): SendRequest => ({
  messageKey,
  recipientKey: spec.registrationId,
});
