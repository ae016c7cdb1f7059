import { DAY_MS } from '../durations';
import type { FieldProblem } from '../errors';

/**
 * Every time a person gives is bounded, so no date reaches a schedule, a counter or a calendar that
 * cannot hold it (year 9999 overflows JavaScript's dates once an offset or a window is added):
 * - an event's start and end: from a year ago (entering a day just held) to five years ahead;
 * - anything scheduled for an event (a post, a campaign): after now, and within a year after the event
 *   ends, which also keeps it well inside what EventBridge Scheduler's `at()` takes.
 */
export const EVENT_YEARS_BACK = 1;
export const EVENT_YEARS_AHEAD = 5;
/** How long after its end an event's own posts and campaigns may still be scheduled. */
export const REACH_AFTER_END_DAYS = 365;

const yearsFrom = (at: Date, years: number): Date => {
  const moved = new Date(at.getTime());
  moved.setUTCFullYear(moved.getUTCFullYear() + years);
  return moved;
};

/** "1 December 2025": the bound in words, as the 400 names it. */
export const dayInWords = (at: Date): string =>
  at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export interface Range {
  readonly from: Date;
  readonly to: Date;
}

/** When an event may start and end, seen from `now`. */
export const eventRange = (now: Date): Range => ({
  from: yearsFrom(now, -EVENT_YEARS_BACK),
  to: yearsFrom(now, EVENT_YEARS_AHEAD),
});

/** When something of an event ending at `endsAt` may be scheduled, seen from `now`. */
export const scheduleRange = (now: Date, endsAt: Date): Range => ({
  from: now,
  to: new Date(Math.min(endsAt.getTime(), eventRange(now).to.getTime()) + REACH_AFTER_END_DAYS * DAY_MS),
});

const within = (at: Date, r: Range): boolean =>
  Number.isFinite(at.getTime()) && at.getTime() >= r.from.getTime() && at.getTime() <= r.to.getTime();

/** A problem when an event time is outside a year ago to five years ahead. */
export const eventTimeProblem = (at: Date, now: Date, path: string): FieldProblem | undefined => {
  const range = eventRange(now);
  return within(at, range)
    ? undefined
    : {
        path,
        message:
          `Must be between ${dayInWords(range.from)} and ${dayInWords(range.to)} ` +
          `(from a year ago to ${EVENT_YEARS_AHEAD} years ahead)`,
      };
};

/**
 * A problem when a time scheduled for an event (given, or from an offset: `what` says which) is not after
 * now, or is more than a year after the event ends.
 */
export const scheduledTimeProblem = (
  at: Date,
  now: Date,
  endsAt: Date,
  path: string,
  what = 'The time',
): FieldProblem | undefined => {
  const range = scheduleRange(now, endsAt);
  if (within(at, range) && at.getTime() > now.getTime()) return undefined;
  const when = Number.isFinite(at.getTime()) ? ` (${at.toISOString()})` : '';
  return {
    path,
    message:
      `${what}${when} must be between now (${now.toISOString()}) and ${dayInWords(range.to)}, ` +
      `a year after the event ends`,
  };
};

/**
 * Whether a derived schedule time (a reminder, a survey mail) can be given to the Scheduler: a real date
 * no further ahead than an event may be, plus its year of reach. Events stored before the bounds (year
 * 9999) derive times past it; those steps are left out, never sent to fail and dead-letter.
 */
export const schedulable = (dueAt: string, now: Date): boolean => {
  const at = new Date(dueAt).getTime();
  return Number.isFinite(at) && at <= eventRange(now).to.getTime() + REACH_AFTER_END_DAYS * DAY_MS * 2;
};
