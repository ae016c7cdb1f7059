import { describe, expect, it } from '@jest/globals';
import { cancelConference, draftConference, publishConference } from '../../../shared/domain/conference';
import { DomainError } from '../../../shared/domain/errors';

const created = new Date('2026-11-20T12:00:00Z');
const draft = draftConference(
  {
    title: 'Trust leaders day',
    timezone: 'Europe/London',
    startsAt: '2027-04-01T09:00',
    endsAt: '2027-04-01T16:30',
    venue: { name: 'Leeds Civic Hall' },
    capacity: 100,
    reminders: [{ daysBefore: 7, at: '09:00' }],
  },
  'evt_test',
  created,
);
const published = publishConference(draft, created).next;

describe('cancelling an event', () => {
  it('marks it cancelled, once, and a repeat changes nothing', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const first = cancelConference(published, at);
    expect(first).toMatchObject({ changed: true, cancelledAt: at.toISOString() });
    expect(first.next).toMatchObject({ status: 'cancelled', version: published.version + 1 });

    const again = cancelConference(first.next, new Date('2026-12-02T10:00:00Z'));
    expect(again).toEqual({ next: first.next, changed: false, cancelledAt: at.toISOString() });
  });

  it('refuses an event that is over, and a cancelled event cannot be published again', () => {
    expect(() => cancelConference(published, new Date('2027-04-02T00:00:00Z'))).toThrow(DomainError);
    const cancelled = cancelConference(draft, created).next;
    expect(() => publishConference(cancelled, created)).toThrow(/cancelled/);
  });
});
