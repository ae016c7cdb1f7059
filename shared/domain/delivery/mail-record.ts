import type { MailSpec } from '../mail/send-request';

/**
 * Where one ledger entry (one mail to one delegate) stands in the sender:
 * queued → sending (claimed by one sender) → sent | suppressed | skipped | failed.
 */
export type LedgerStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'suppressed'
  | 'skipped'
  | 'failed'
  // Never sent: a new-registration mail over the address's daily allowance (shared/domain/abuse/mail-allowance.ts).
  | 'withheld';

/** What SES said about a mail after it sent it: the address bounced, or its owner marked it as spam. */
export interface MailFeedback {
  readonly kind: 'bounce' | 'complaint';
  /** SES's words for it: `Permanent: General`, `Transient: MailboxFull`, `abuse`. No address. */
  readonly detail: string;
  readonly permanent: boolean;
  readonly at: string;
}

/** The facts of a ledger entry its state is read from. */
export interface MailFacts {
  readonly status: LedgerStatus;
  readonly reason?: string;
  readonly blockedReason?: string;
  readonly feedback?: MailFeedback;
}

/**
 * A mail's state as organisers see it: SES's feedback after sending outranks the sender's own record
 * (a mail that went and then bounced is bounced); a queued mail held back by a fault of the account's
 * setup is `held`, not failed, until someone fixes it.
 */
export type MailState =
  | 'queued'
  | 'held'
  | 'sending'
  | 'sent'
  | 'bounced'
  | 'complained'
  | 'suppressed'
  | 'skipped'
  | 'failed'
  | 'withheld';

export const MAIL_STATES = [
  'queued',
  'held',
  'sending',
  'sent',
  'bounced',
  'complained',
  'suppressed',
  'skipped',
  'failed',
  'withheld',
] as const satisfies readonly MailState[];

export const mailStateOf = (facts: MailFacts): MailState => {
  if (facts.feedback) return facts.feedback.kind === 'bounce' ? 'bounced' : 'complained';
  if (facts.status === 'queued') return facts.blockedReason ? 'held' : 'queued';
  return facts.status;
};

/** The reason the sender records when an address may not get a mail (send-mail.ts). */
export const addressBlockedReason = (blocked: 'suppressed' | 'unsubscribed'): string => `Address ${blocked}`;

/**
 * A mail an organiser should look at: it did not reach the delegate and will not by itself. An unsubscribed
 * delegate's campaign mail is their choice, not a problem; a held mail is the whole account's, for whoever
 * runs the deployment (an alarm), and goes once they fix it.
 */
export const isMailProblem = (facts: MailFacts): boolean => {
  const state = mailStateOf(facts);
  if (state === 'suppressed') return facts.reason !== addressBlockedReason('unsubscribed');
  return state === 'failed' || state === 'bounced' || state === 'complained';
};

/**
 * Only a failed mail is sent again on request: SES refused it or it could not be made, so nothing went. A
 * bounced or complained address would refuse it again (and SES counts that against the account); a
 * suppressed one is refused by Convene itself.
 */
export const mayRetry = (facts: MailFacts): boolean => mailStateOf(facts) === 'failed';

/** The reason as recorded (the sender's, SES's), for the states that have one; null for the others. */
export const recordedReason = (facts: MailFacts): string | null => {
  switch (mailStateOf(facts)) {
    case 'bounced':
    case 'complained':
      return facts.feedback?.detail ?? null;
    case 'held':
      return facts.blockedReason ?? null;
    case 'failed':
    case 'suppressed':
    case 'skipped':
    case 'withheld':
      return facts.reason ?? null;
    default:
      return null;
  }
};

/** What an organiser is told about a mail's state, in plain words; undefined where the state says it all. */
export const explainMail = (facts: MailFacts): string | undefined => {
  const state = mailStateOf(facts);
  const feedback = facts.feedback;
  switch (state) {
    case 'bounced':
      return feedback?.permanent
        ? `The address does not exist or does not accept mail (${feedback.detail}). Nothing more is sent to it.`
        : `The mailbox did not take it, for example because it is full (${feedback?.detail ?? 'bounce'}). Later mail may still arrive.`;
    case 'complained':
      return 'The delegate marked a mail from us as spam. Nothing more is sent to this address.';
    case 'suppressed':
      return facts.reason === addressBlockedReason('unsubscribed')
        ? 'Not sent: the delegate unsubscribed from mail like this.'
        : 'Not sent: this address bounced or was marked as spam before, so nothing is sent to it.';
    case 'failed':
      return `Not sent: ${facts.reason ?? 'the reason was not recorded'}.`;
    case 'held':
      return `Waiting: sending is stopped for the whole service (${facts.blockedReason}). It goes once that is fixed.`;
    case 'skipped':
      return 'Not sent: there was nothing to send any more (the booking changed, was cancelled or was erased).';
    default:
      return undefined;
  }
};

/** What a mail was, for a person reading a list of them. */
export const mailLabel = (spec: MailSpec): string => {
  switch (spec.kind) {
    case 'registration':
      return {
        confirmed: 'Booking confirmed',
        waitlisted: 'On the waiting list',
        promoted: 'A place came up',
        cancelled: 'Booking cancelled',
        substituted: 'Place passed on',
      }[spec.template];
    case 'reminder':
      return 'Reminder';
    case 'campaign':
      return 'Campaign';
    case 'survey':
      return spec.step === 'invitation' ? 'Survey invitation' : 'Survey reminder';
    case 'event-change':
      return 'Event changed';
    case 'event-cancelled':
      return 'Event cancelled';
  }
};

/**
 * The subject kept on the ledger entry once rendered. A campaign's subject may name the recipient
 * (`{{name}}`) and the ledger holds no personal data (erasure never has to chase it), so a campaign's is
 * read from the campaign instead; every other subject names only the event.
 */
export const subjectToKeep = (spec: Pick<MailSpec, 'kind'>, subject: string): string | undefined =>
  spec.kind === 'campaign' ? undefined : subject;

/** SES's bounce or complaint, as kept on the entry of the mail it is about. */
export const mailFeedbackOf = (
  report:
    | { readonly kind: 'bounce'; readonly bounceType: string; readonly bounceSubType?: string }
    | { readonly kind: 'complaint'; readonly feedbackType?: string },
  at: string,
): MailFeedback =>
  report.kind === 'bounce'
    ? {
        kind: 'bounce',
        detail: report.bounceSubType ? `${report.bounceType}: ${report.bounceSubType}` : report.bounceType,
        permanent: report.bounceType === 'Permanent',
        at,
      }
    : { kind: 'complaint', detail: report.feedbackType ?? 'complaint', permanent: true, at };
