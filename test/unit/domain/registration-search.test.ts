import { describe, expect, it } from '@jest/globals';
import {
  eventCounts,
  matchesFilter,
  workshopCounts,
  type ListedRegistration,
} from '../../../shared/domain/registration/registration-search';

const siân: ListedRegistration = {
  status: 'confirmed',
  attended: true,
  name: 'Siân Jones',
  email: 'sian@oak.example.org',
  organisation: 'Oak Academy',
  sessions: [{ sessionId: 'ws-a', status: 'confirmed' }],
};
const ben: ListedRegistration = {
  status: 'confirmed',
  attended: false,
  name: 'Ben Okafor',
  email: 'ben@hill.example.org',
  organisation: null,
  sessions: [
    { sessionId: 'ws-a', status: 'waitlisted' },
    { sessionId: 'ws-c', status: 'confirmed' },
  ],
};
const cara: ListedRegistration = {
  status: 'waitlisted',
  attended: false,
  name: 'Cara Hill',
  email: 'cara@example.org',
  organisation: 'Hilltop Primary',
  sessions: [{ sessionId: 'ws-a', status: 'waitlisted' }],
};
const erased: ListedRegistration = { status: 'cancelled', attended: false, sessions: [] };
const all = [siân, ben, cara, erased];

const found = (filter: Parameters<typeof matchesFilter>[1]) =>
  all.filter((r) => matchesFilter(r, filter)).map((r) => r.name ?? '(erased)');

describe('searching registrations', () => {
  it('finds by name, email or school, in any case and without accents', () => {
    expect(found({ q: 'sian' })).toEqual(['Siân Jones']);
    expect(found({ q: 'OAK' })).toEqual(['Siân Jones']);
    expect(found({ q: 'hill' })).toEqual(['Ben Okafor', 'Cara Hill']);
    expect(found({ q: 'hilltop cara' })).toEqual(['Cara Hill']);
  });

  it('finds everyone for an empty search, and nobody for words no one has', () => {
    expect(found({ q: '  ' })).toHaveLength(4);
    expect(found({ q: 'zebra' })).toEqual([]);
  });

  it('filters by status, workshop (a place or a wait in it) and check-in, with the search', () => {
    expect(found({ status: 'waitlisted' })).toEqual(['Cara Hill']);
    expect(found({ workshop: 'ws-a' })).toEqual(['Siân Jones', 'Ben Okafor', 'Cara Hill']);
    expect(found({ workshop: 'ws-c' })).toEqual(['Ben Okafor']);
    expect(found({ attended: true })).toEqual(['Siân Jones']);
    expect(found({ attended: false, workshop: 'ws-a', q: 'hill' })).toEqual(['Ben Okafor', 'Cara Hill']);
  });
});

describe('counting places', () => {
  const sessions = [
    { id: 'keynote', title: 'Opening keynote' },
    { id: 'ws-a', title: 'Workshop A', capacity: 1 },
    { id: 'ws-c', title: 'Workshop C', capacity: 20 },
  ];

  it("counts each workshop's places taken and its waiting list, among delegates with an event place", () => {
    expect(workshopCounts(sessions, all)).toEqual([
      { sessionId: 'ws-a', title: 'Workshop A', capacity: 1, confirmed: 1, waiting: 1 },
      { sessionId: 'ws-c', title: 'Workshop C', capacity: 20, confirmed: 1, waiting: 0 },
    ]);
  });

  it("counts the event's places and its waiting list", () => {
    expect(eventCounts(all)).toEqual({ confirmed: 2, waiting: 1 });
  });
});
