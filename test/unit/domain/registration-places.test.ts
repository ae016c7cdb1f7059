import { describe, expect, it } from '@jest/globals';
import type { Conference } from '../../../shared/domain/conference';
import {
  bookingOpen,
  erasureCancels,
  mayRaiseCapacity,
  placesFreedBy,
  promotionsDue,
  type Registration,
} from '../../../shared/domain/registration';

const conference = {
  status: 'published',
  startsAt: '2027-04-01T08:00:00.000Z',
  endsAt: '2027-04-01T15:30:00.000Z',
} as Conference;

const registration = (overrides: Partial<Registration> = {}): Registration => ({
  registrationId: 'reg_1',
  eventId: 'evt_1',
  status: 'confirmed',
  sessions: { 'ws-a': 'confirmed', keynote: 'confirmed', 'ws-c': 'waitlisted' },
  sessionOrder: ['keynote', 'ws-a', 'ws-c'],
  requestedAt: '2027-01-01T00:00:00.000Z',
  version: 2,
  ...overrides,
});

describe('places and waiting lists', () => {
  it('counts the promotions free places allow: never more than wait, none where overbooked', () => {
    expect(
      promotionsDue([
        { capacity: 3, taken: 2, waiting: 2 },
        { capacity: 5, taken: 1, waiting: 3 },
        { capacity: 2, taken: 3, waiting: 4 },
        { capacity: 9, taken: 0, waiting: 0 },
      ]),
    ).toBe(4);
  });

  it('looks for promotions only after a change of capacity or sessions', () => {
    expect(mayRaiseCapacity(['capacity'])).toBe(true);
    expect(mayRaiseCapacity(['title', 'sessions'])).toBe(true);
    expect(mayRaiseCapacity(['title', 'venue'])).toBe(false);
  });

  it('frees the event place and confirmed capped seats of a confirmed delegate only', () => {
    const capped = new Set(['ws-a', 'ws-c']);
    expect(placesFreedBy(registration(), capped)).toEqual({ event: true, sessions: ['ws-a'] });
    expect(placesFreedBy(registration({ status: 'waitlisted' }), capped)).toEqual({
      event: false,
      sessions: [],
    });
  });

  it('lets organisers book until the event ends and delegates until it starts', () => {
    const during = new Date('2027-04-01T10:00:00.000Z');
    expect(bookingOpen(conference, undefined, during)).toBe(false);
    expect(bookingOpen(conference, 'organiser', during)).toBe(true);
    expect(bookingOpen(conference, 'organiser', new Date('2027-04-01T16:00:00.000Z'))).toBe(false);
  });

  it('cancels on erasure before the end, unless checked in; keeps the record after', () => {
    const before = new Date('2027-03-01T00:00:00.000Z');
    const after = new Date('2027-04-02T00:00:00.000Z');
    expect(erasureCancels(conference, registration(), before)).toBe(true);
    expect(erasureCancels(conference, registration({ status: 'waitlisted' }), before)).toBe(true);
    expect(erasureCancels(conference, registration({ attendedAt: before.toISOString() }), before)).toBe(
      false,
    );
    expect(erasureCancels(conference, registration({ status: 'cancelled' }), before)).toBe(false);
    expect(erasureCancels(conference, registration(), after)).toBe(false);
  });
});
