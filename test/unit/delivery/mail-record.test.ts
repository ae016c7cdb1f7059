import { describe, expect, it } from '@jest/globals';
import {
  addressBlockedReason,
  explainMail,
  isMailProblem,
  mailFeedbackOf,
  mailLabel,
  mailStateOf,
  mayRetry,
  recordedReason,
  subjectToKeep,
  type MailFacts,
} from '../../../shared/domain/delivery/mail-record';

const bounce = mailFeedbackOf(
  { kind: 'bounce', bounceType: 'Permanent', bounceSubType: 'General' },
  '2027-01-01T10:00:00Z',
);

describe("a mail's state", () => {
  it.each<[string, MailFacts, string]>([
    ['waiting to send', { status: 'queued' }, 'queued'],
    [
      'held back by a fault of the account',
      { status: 'queued', blockedReason: 'AccessDeniedException: no' },
      'held',
    ],
    ['claimed by a sender', { status: 'sending' }, 'sending'],
    ['taken by SES', { status: 'sent' }, 'sent'],
    ['sent, then bounced', { status: 'sent', feedback: bounce }, 'bounced'],
    ['bounced before the sender recorded it sent', { status: 'sending', feedback: bounce }, 'bounced'],
    [
      'sent, then marked as spam',
      { status: 'sent', feedback: mailFeedbackOf({ kind: 'complaint' }, '2027-01-01T10:00:00Z') },
      'complained',
    ],
    ['refused by SES', { status: 'failed', reason: 'MessageRejected: bad' }, 'failed'],
    [
      'to a suppressed address',
      { status: 'suppressed', reason: addressBlockedReason('suppressed') },
      'suppressed',
    ],
    ['with nothing to send any more', { status: 'skipped', reason: 'Nothing to send' }, 'skipped'],
  ])('%s is %s', (_what, facts, state) => {
    expect(mailStateOf(facts)).toBe(state);
  });
});

describe('mail problems', () => {
  it('are failed, bounced, complained and suppressed mail', () => {
    expect(isMailProblem({ status: 'failed', reason: 'x' })).toBe(true);
    expect(isMailProblem({ status: 'sent', feedback: bounce })).toBe(true);
    expect(isMailProblem({ status: 'suppressed', reason: addressBlockedReason('suppressed') })).toBe(true);
  });

  it("are not mail that went, is on its way, or that a delegate's unsubscribe stopped", () => {
    expect(isMailProblem({ status: 'sent' })).toBe(false);
    expect(isMailProblem({ status: 'queued' })).toBe(false);
    expect(isMailProblem({ status: 'queued', blockedReason: 'AccessDenied' })).toBe(false);
    expect(isMailProblem({ status: 'skipped' })).toBe(false);
    expect(isMailProblem({ status: 'suppressed', reason: addressBlockedReason('unsubscribed') })).toBe(false);
  });

  it('only failed mail may be sent again: never one that went, bounced or was suppressed', () => {
    expect(mayRetry({ status: 'failed' })).toBe(true);
    expect(mayRetry({ status: 'sent' })).toBe(false);
    expect(mayRetry({ status: 'sent', feedback: bounce })).toBe(false);
    expect(mayRetry({ status: 'failed', feedback: bounce })).toBe(false);
    expect(mayRetry({ status: 'suppressed', reason: addressBlockedReason('suppressed') })).toBe(false);
  });
});

describe('what an organiser is told', () => {
  it('names the reason as recorded for the states that have one', () => {
    expect(recordedReason({ status: 'sent', feedback: bounce })).toBe('Permanent: General');
    expect(recordedReason({ status: 'failed', reason: 'MessageRejected: bad' })).toBe('MessageRejected: bad');
    expect(recordedReason({ status: 'queued', blockedReason: 'AccessDenied' })).toBe('AccessDenied');
    // A throttled attempt leaves its reason behind; once sent, it is no reason for anything.
    expect(recordedReason({ status: 'sent', reason: 'TooManyRequestsException: slow down' })).toBeNull();
  });

  it('says in plain words what happened and what follows', () => {
    expect(explainMail({ status: 'sent', feedback: bounce })).toMatch(
      /does not exist or does not accept mail/,
    );
    expect(
      explainMail({
        status: 'sent',
        feedback: mailFeedbackOf(
          { kind: 'bounce', bounceType: 'Transient', bounceSubType: 'MailboxFull' },
          'x',
        ),
      }),
    ).toMatch(/Later mail may still arrive/);
    expect(explainMail({ status: 'suppressed', reason: addressBlockedReason('suppressed') })).toMatch(
      /bounced or was marked as spam before/,
    );
    expect(explainMail({ status: 'suppressed', reason: addressBlockedReason('unsubscribed') })).toMatch(
      /unsubscribed/,
    );
    expect(explainMail({ status: 'failed', reason: 'MessageRejected: bad' })).toBe(
      'Not sent: MessageRejected: bad.',
    );
    expect(explainMail({ status: 'sent' })).toBeUndefined();
  });

  it('labels each kind of mail', () => {
    expect(mailLabel({ kind: 'registration', template: 'confirmed', registrationId: 'r', version: 2 })).toBe(
      'Booking confirmed',
    );
    expect(mailLabel({ kind: 'survey', eventId: 'e', step: 'reminder', registrationId: 'r' })).toBe(
      'Survey reminder',
    );
    expect(mailLabel({ kind: 'campaign', campaignId: 'c', registrationId: 'r' })).toBe('Campaign');
  });
});

describe('what the ledger keeps', () => {
  it("keeps a subject about the event, never a campaign's, which may name the delegate", () => {
    expect(subjectToKeep({ kind: 'registration' }, 'You have a place: Mail day')).toBe(
      'You have a place: Mail day',
    );
    expect(subjectToKeep({ kind: 'campaign' }, 'Parking, Ada')).toBeUndefined();
  });

  it("keeps SES's report without the address", () => {
    expect(bounce).toEqual({
      kind: 'bounce',
      detail: 'Permanent: General',
      permanent: true,
      at: '2027-01-01T10:00:00Z',
    });
    expect(mailFeedbackOf({ kind: 'complaint', feedbackType: 'abuse' }, 't')).toEqual({
      kind: 'complaint',
      detail: 'abuse',
      permanent: true,
      at: 't',
    });
  });
});
