import { instantToWallClock } from '../wall-clock';
import type { Conference } from './conference';
import { isFinished } from './view';

/** One line of the organisers' events list. */
export const eventListEntry = (
  c: Conference,
  counts: { confirmed: number; waitlisted: number },
  now: Date,
) => ({
  eventId: c.eventId,
  title: c.title,
  status: c.status,
  ...(isFinished(c, now) ? { finished: true as const } : {}),
  timezone: c.timezone,
  startsAt: instantToWallClock(c.startsAt, c.timezone),
  endsAt: instantToWallClock(c.endsAt, c.timezone),
  startsAtUtc: c.startsAt,
  endsAtUtc: c.endsAt,
  venue: c.venue,
  capacity: c.capacity,
  confirmed: counts.confirmed,
  waitlisted: counts.waitlisted,
  placesLeft: Math.max(0, c.capacity - counts.confirmed),
});

export type EventListEntry = ReturnType<typeof eventListEntry>;

/**
 * Upcoming first: events not yet over, soonest first, then those that are over, most recent first, so
 * the list opens on what needs work and a long series does not bury it.
 */
export const upcomingFirst = (entries: readonly EventListEntry[], now: Date): EventListEntry[] => {
  const over = (e: EventListEntry) => new Date(e.endsAtUtc).getTime() <= now.getTime();
  const byStart = (a: EventListEntry, b: EventListEntry) =>
    a.startsAtUtc === b.startsAtUtc ? 0 : a.startsAtUtc < b.startsAtUtc ? -1 : 1;
  return [
    ...entries.filter((e) => !over(e)).sort(byStart),
    ...entries.filter(over).sort((a, b) => byStart(b, a)),
  ];
};
