import { conflict } from '../errors';
import type { Conference, ConferencePatch } from './conference';
import { resolveConference, toInput } from './draft';

export interface Revision {
  readonly next: Conference;
  /** Top-level fields whose value the patch changed. */
  readonly changed: readonly string[];
  /** True when any time that schedules derive from moved (event, sessions, reminder or survey plan). */
  readonly timesChanged: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const timing = (c: Conference): unknown => ({
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  sessions: c.sessions.map((s) => [s.id, s.startsAt, s.endsAt]),
  reminders: c.reminders.map((r) => [r.daysBefore, r.at]),
  survey: c.survey
    ? [c.survey.daysAfter, c.survey.at, c.survey.reminder?.daysAfter, c.survey.reminder?.at]
    : null,
});

/**
 * Applies a PATCH: the given top-level fields replace the stored ones (a `sessions` list replaces the
 * whole list, matched by id), wall-clock times are read in the resulting time zone, and the result is
 * checked as a whole.
 */
export const reviseConference = (current: Conference, patch: ConferencePatch, now: Date): Revision => {
  if (current.status === 'cancelled')
    throw conflict('event_cancelled', 'A cancelled event cannot be changed.');
  const before = toInput(current);
  const merged = { ...before, ...patch };
  const changed = Object.keys(patch).filter(
    (key) => !same(before[key as keyof typeof before], merged[key as keyof typeof merged]),
  );
  const movesStart = changed.includes('startsAt') || changed.includes('timezone');
  const next = resolveConference(
    merged,
    {
      eventId: current.eventId,
      status: current.status,
      version: current.version + 1,
      createdAt: current.createdAt,
      updatedAt: now.toISOString(),
      ...(current.publishedAt ? { publishedAt: current.publishedAt } : {}),
    },
    now,
    { requireFuture: movesStart },
  );
  return { next, changed, timesChanged: !same(timing(current), timing(next)) };
};
