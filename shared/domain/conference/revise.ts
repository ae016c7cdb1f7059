import { conflict, invalid } from '../errors';
import { surveyTimes } from '../surveys/plan';
import type { Conference, ConferencePatch } from './conference';
import { resolveConference, toInput } from './draft';
import { noticeOf, type EventChange } from './notice';
import { withSessionsMoved } from './shift';

export interface Revision {
  readonly next: Conference;
  /** Top-level fields whose value the patch changed. */
  readonly changed: readonly string[];
  /** True when any time that schedules derive from moved (event, sessions, reminder or survey plan). */
  readonly timesChanged: boolean;
  /** What delegates are to be told changed (times, venue, session times). */
  readonly notice: readonly EventChange[];
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
 * whole list, matched by id; left out while the day moves by whole days, the sessions move with it),
 * wall-clock times are read in the resulting time zone, and the result is checked as a whole.
 */
export const reviseConference = (current: Conference, patch: ConferencePatch, now: Date): Revision => {
  if (current.status === 'cancelled')
    throw conflict('event_cancelled', 'A cancelled event cannot be changed.');
  const before = toInput(current);
  const moved = withSessionsMoved(before, patch);
  const merged = { ...before, ...moved };
  const changed = Object.keys(moved).filter(
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
      ...(current.teamId ? { teamId: current.teamId } : {}),
    },
    now,
    { requireFuture: movesStart },
  );
  checkSurveyChange(current, next, now);
  return {
    next,
    changed,
    timesChanged: !same(timing(current), timing(next)),
    notice: noticeOf(current, next),
  };
};

/** A survey's questions in a fixed shape: stored items come back with their keys in any order. */
const questionsOf = (c: Conference): unknown =>
  c.survey?.questions.map((q) => [q.id, q.kind, q.prompt, q.options ?? [], q.required ?? false]) ?? null;

/** When a published event's survey invitation is (or was) due; undefined for a draft or no survey. */
const invitationDue = (c: Conference): Date | undefined =>
  c.status === 'published' && c.survey
    ? surveyTimes(c.survey, new Date(c.endsAt), c.timezone).invitation
    : undefined;

/**
 * Once invitations have gone, a survey's questions stay as they are: answers already given would be
 * read against other questions (a rating counted as an NPS score). And a change may not put an
 * invitation that has not gone yet in the past, where it would never be sent.
 */
const checkSurveyChange = (current: Conference, next: Conference, now: Date): void => {
  const wasDue = invitationDue(current);
  const started = wasDue !== undefined && wasDue <= now;
  if (started && !same(questionsOf(current), questionsOf(next))) {
    throw conflict(
      'survey_started',
      "The survey's questions cannot change once its invitations have gone: answers already given would be read against other questions.",
    );
  }
  const due = invitationDue(next);
  if (!started && due !== undefined && due <= now) {
    throw invalid([
      {
        path: 'survey.at',
        message: 'This invitation time has passed, so the invitation would never be sent: choose a later one',
      },
    ]);
  }
};
