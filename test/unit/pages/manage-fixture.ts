import type { Conference, Session } from '../../../shared/domain/conference';
import type { Registration } from '../../../shared/domain/registration';
import type { Booking } from '../../../shared/use-cases/registrations/show-booking';

const session = (id: string, title: string, start: string, end: string, capacity?: number): Session => ({
  id,
  title,
  kind: capacity === undefined ? 'keynote' : 'workshop',
  startsAt: `2027-04-01T${start}:00.000Z`,
  endsAt: `2027-04-01T${end}:00.000Z`,
  ...(capacity === undefined ? {} : { capacity }),
});

/** A keynote, two workshops at 11:00 (one overlapping the other only in part) and one at 14:00. */
export const conference: Conference = {
  eventId: 'trust-day',
  title: 'Trust leaders day',
  status: 'published',
  timezone: 'Europe/London',
  startsAt: '2027-04-01T08:00:00.000Z',
  endsAt: '2027-04-01T15:30:00.000Z',
  venue: { name: 'Leeds Civic Hall', address: 'Millennium Square, Leeds' },
  capacity: 100,
  sessions: [
    session('keynote', 'Opening keynote', '08:30', '09:30'),
    session('ws-a', 'Workshop A', '10:00', '11:00', 20),
    session('ws-b', 'Workshop B', '10:30', '11:30', 1),
    session('ws-c', 'Workshop C', '13:00', '14:00', 20),
  ],
  reminders: [],
  version: 3,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

export const registration = (changes: Partial<Registration> = {}): Registration => ({
  registrationId: 'reg_1',
  eventId: 'trust-day',
  status: 'confirmed',
  delegate: { name: 'Ada Lovelace', email: 'ada@school.example.org', consent: { updates: false } },
  sessions: { 'ws-a': 'confirmed' },
  sessionOrder: ['ws-a'],
  requestedAt: '2027-01-02T00:00:00.000Z',
  version: 2,
  ...changes,
});

export const booking = (changes: Partial<Booking> = {}, r: Partial<Registration> = {}): Booking => {
  const reg = registration(r);
  return {
    registration: reg,
    conference,
    seats: { sessions: { 'ws-a': 5, 'ws-b': 1 } },
    day: [
      { session: conference.sessions[0]!, status: 'confirmed', chosen: false },
      { session: conference.sessions[1]!, status: 'confirmed', chosen: true },
    ],
    checkInCode: 'HWQZV0KT',
    changesOpen: true,
    ...changes,
  };
};
