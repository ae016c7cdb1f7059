import { instantToWallClock } from '../wall-clock';
import type { Conference } from './conference';

/** Places taken so far, per scope: the event itself and each capped session. */
export interface SeatCounts {
  readonly event: number;
  readonly sessions: Readonly<Record<string, number>>;
}

const placesLeft = (capacity: number | undefined, taken: number | undefined): number | null =>
  capacity === undefined ? null : Math.max(0, capacity - (taken ?? 0));

/** A published event whose day is over: it stays `published`, and says so with `finished`. */
export const isFinished = (c: Conference, now: Date): boolean =>
  c.status === 'published' && now.getTime() >= new Date(c.endsAt).getTime();

/**
 * The event as API.md shows it: wall-clock times in `timezone` plus the UTC instants, and places left;
 * given `now`, `finished: true` once a published event has ended.
 */
export const conferenceView = (c: Conference, seats: SeatCounts, now?: Date) => ({
  eventId: c.eventId,
  title: c.title,
  status: c.status,
  timezone: c.timezone,
  startsAt: instantToWallClock(c.startsAt, c.timezone),
  endsAt: instantToWallClock(c.endsAt, c.timezone),
  startsAtUtc: c.startsAt,
  endsAtUtc: c.endsAt,
  venue: c.venue,
  capacity: c.capacity,
  placesLeft: placesLeft(c.capacity, seats.event) as number,
  sessions: c.sessions.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    startsAt: instantToWallClock(s.startsAt, c.timezone),
    endsAt: instantToWallClock(s.endsAt, c.timezone),
    startsAtUtc: s.startsAt,
    endsAtUtc: s.endsAt,
    capacity: s.capacity ?? null,
    placesLeft: placesLeft(s.capacity, seats.sessions[s.id]),
  })),
  reminders: c.reminders,
  ...(c.survey ? { survey: c.survey } : {}),
  ...(c.contact ? { contact: c.contact } : {}),
  ignoreEmailTags: c.ignoreEmailTags !== false,
  ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}),
  ...(c.cancelledAt ? { cancelledAt: c.cancelledAt } : {}),
  ...(now && isFinished(c, now) ? { finished: true as const } : {}),
});

export type ConferenceView = ReturnType<typeof conferenceView>;

/** What `Event ...` bus events carry: times and ids only, no personal data. */
export const conferenceSnapshot = (c: Conference) => ({
  eventId: c.eventId,
  title: c.title,
  status: c.status,
  timezone: c.timezone,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  sessions: c.sessions.map((s) => ({ id: s.id, kind: s.kind, startsAt: s.startsAt, endsAt: s.endsAt })),
  version: c.version,
});
