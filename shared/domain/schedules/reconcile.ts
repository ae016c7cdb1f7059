/**
 * One-time schedules derived from an event's times (reminder steps, survey mails): how the schedules
 * recorded for an event are brought in line with what its plan calls for now. Pure; each area gives
 * its own plan split into the steps still to come and those whose time has passed.
 */

/** A planned schedule: its name (ids only) and the UTC instant (`toISOString`) it fires. */
export interface TimedSchedule {
  readonly scheduleName: string;
  readonly dueAt: string;
}

/** A plan as of some instant: steps still to come, and steps whose time has passed. */
export interface SplitPlan<T extends TimedSchedule> {
  readonly scheduled: readonly T[];
  readonly skipped: readonly T[];
}

/** The schedules recorded for an event: name → the instant it was set to fire. */
export type RecordedSchedules = Readonly<Record<string, string>>;

/** What to do to the event's schedules so they match its plan. */
export interface ScheduleChanges<T extends TimedSchedule> {
  /** Create or move: every pending step, whether or not it moved (upserting is idempotent). */
  readonly upsert: readonly T[];
  /** Recorded schedules the plan no longer calls for. */
  readonly remove: readonly string[];
  /** The record once the changes are made. */
  readonly record: RecordedSchedules;
}

export const NOTHING_PLANNED: SplitPlan<never> = { scheduled: [], skipped: [] };

/**
 * From the schedules recorded for the event to those its plan calls for. A recorded schedule whose
 * time has come and which the plan still has at that time is left to fire (or has fired and deleted
 * itself); any other schedule the plan does not call for goes, so nothing fires for a removed step,
 * at a moved step's old time, or for an event that is no longer published (or no longer exists).
 */
export const reconcileSchedules = <T extends TimedSchedule>(
  plan: SplitPlan<T>,
  recorded: RecordedSchedules,
): ScheduleChanges<T> => {
  const record: Record<string, string> = {};
  for (const r of plan.scheduled) record[r.scheduleName] = r.dueAt;
  for (const r of plan.skipped) {
    if (recorded[r.scheduleName] === r.dueAt) record[r.scheduleName] = r.dueAt;
  }
  const remove = Object.keys(recorded)
    .filter((name) => !(name in record))
    .sort();
  return { upsert: plan.scheduled, remove, record };
};

/**
 * How late a step may still go out: the Scheduler's and the bus's retries end within hours, so a
 * firing later than this is a replay, and a mail then would be a surprise.
 */
export const MAX_LATENESS_MS = 6 * 3_600_000;

export const isTooLate = (r: Pick<TimedSchedule, 'dueAt'>, now: Date): boolean =>
  now.getTime() - new Date(r.dueAt).getTime() > MAX_LATENESS_MS;
