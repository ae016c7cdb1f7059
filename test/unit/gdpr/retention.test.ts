import { parseRetention } from '../../../infra/constructs/retention-settings';
import { SettingsError } from '../../../infra/constructs/settings';
import { expiryAfter, parseRetentionDays } from '../../../shared/domain/gdpr/retention';
import { archivedCopy } from '../../../shared/domain/gdpr/archive-policy';
import { count, emptyTally, heldKind } from '../../../shared/domain/gdpr/data-report';

describe('retention', () => {
  it('expires the set number of days after the event ends', () => {
    expect(expiryAfter('2027-03-10T16:30:00.000Z', 30)).toBe(Date.UTC(2027, 3, 9, 16, 30) / 1000);
  });

  it.each([
    [undefined, 180],
    ['', 180],
    ['1', 1],
    ['2557', 2557],
  ])('reads %p as %p days', (raw, days) => {
    expect(parseRetentionDays(raw, 180)).toBe(days);
  });

  it.each(['0', '-3', '1.5', 'ten', '2558'])('refuses %p', (raw) => {
    expect(() => parseRetentionDays(raw, 180)).toThrow(/whole number of days/);
  });

  it('defaults to 180 days, and 30 for needs, which may not outlast the rest', () => {
    expect(parseRetention(() => undefined)).toEqual({ dataRetentionDays: 180, needsRetentionDays: 30 });
    expect(parseRetention((k) => ({ 'convene:dataRetentionDays': '10' })[k])).toEqual({
      dataRetentionDays: 10,
      needsRetentionDays: 10,
    });
    expect(() =>
      parseRetention((k) => ({ 'convene:dataRetentionDays': 10, 'convene:needsRetentionDays': 20 })[k]),
    ).toThrow(SettingsError);
  });
});

describe('the archive policy', () => {
  it('keeps an SES event without any address', () => {
    const event = {
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      detail: {
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'a@b.example' }] },
        mail: { messageId: 'm1', destination: ['a@b.example'], commonHeaders: { to: ['A <a@b.example>'] } },
      },
    };
    const kept = archivedCopy(event);
    expect(JSON.stringify(kept)).not.toContain('a@b.example');
    expect(kept.detail).toMatchObject({ eventType: 'Bounce', mail: { messageId: 'm1' } });
  });

  it("drops a booking mail request's address digest, and keeps other events whole", () => {
    const request = {
      source: 'convene.registrations',
      'detail-type': 'Booking Mail Requested',
      detail: { eventId: 'e', addressDigest: 'f'.repeat(64) },
    };
    expect(archivedCopy(request).detail).toEqual({ eventId: 'e' });
    const other = {
      source: 'convene.registrations',
      'detail-type': 'Registration Requested',
      detail: { a: 1 },
    };
    expect(archivedCopy(other)).toBe(other);
  });
});

describe('the data report', () => {
  it('gives the latest stamp, or the planned expiry while some wait for theirs', () => {
    const tally = emptyTally();
    count(tally, 100);
    count(tally, 200);
    expect(heldKind({ kind: 'registrations', what: '', where: '' }, tally, 300)).toMatchObject({
      records: 2,
      expiresAt: new Date(200_000).toISOString(),
    });
    count(tally, undefined);
    expect(heldKind({ kind: 'registrations', what: '', where: '' }, tally, 300)).toMatchObject({
      records: 3,
      expiresAt: new Date(300_000).toISOString(),
      notYetStamped: 1,
    });
    expect(heldKind({ kind: 'needs', what: '', where: '' }, emptyTally(), 300)).toMatchObject({
      records: 0,
      expiresAt: null,
    });
  });
});
