import type { Conference, ReminderStep } from '../conference/conference';
import {
  NOTHING_PLANNED,
  reconcileSchedules,
  type RecordedSchedules,
  type ScheduleChanges,
} from '../schedules/reconcile';
import { dayOffsetAt } from '../wall-clock';

/** What the reminder plan needs to know of an event. */
export type PlannedEvent = Pick<Conference, 'eventId' | 'status' | 'timezone' | 'startsAt' | 'reminders'>;

/** One step of an event's reminder plan with the instant it is due. */
export interface PlannedReminder {
  /** Names the step within its event, e.g. `7d@09:00`; ledger keys and `Reminder Due` carry it. */
  readonly reminderKey: string;
  readonly daysBefore: number;
  readonly at: string;
  /** UTC ISO instant (`toISOString`), so the same step always gives the same string. */
  readonly dueAt: string;
  /** The one-time schedule that fires the step: ids only, never personal data. */
  readonly scheduleName: string;
  readonly step: ReminderStep;
}

/** A step the plan will not send because its time had passed: what the HTTP responses report. */
export interface SkippedReminder {
  readonly daysBefore: number;
  readonly at: string;
  readonly dueAt: string;
}

/** Steps are unique by (daysBefore, at) within an event (draft.ts refuses duplicates). */
export const reminderKeyOf = (step: Pick<ReminderStep, 'daysBefore' | 'at'>): string =>
  `${step.daysBefore}d@${step.at}`;

/** Every reminder schedule of an event starts with this, so areas sharing the schedule group never clash. */
export const reminderSchedulePrefix = (eventId: string): string => `rem-${eventId}-`;

/** `rem-<eventId>-7d-0900`: within Scheduler's [0-9a-zA-Z-_.]{1,64} for Convene's ids. */
export const reminderScheduleName = (
  eventId: string,
  step: Pick<ReminderStep, 'daysBefore' | 'at'>,
): string => `${reminderSchedulePrefix(eventId)}${step.daysBefore}d-${step.at.replace(':', '')}`;

/**
 * Every step of the event's plan with its due instant: `daysBefore` calendar days before the day the
 * event starts, at `at`, both in the event's zone (so a step lands right across clock changes).
 * Soonest first.
 */
export const reminderPlan = (event: PlannedEvent): PlannedReminder[] =>
  event.reminders
    .map((step) => ({
      reminderKey: reminderKeyOf(step),
      daysBefore: step.daysBefore,
      at: step.at,
      dueAt: dayOffsetAt(new Date(event.startsAt), event.timezone, -step.daysBefore, step.at).toISOString(),
      scheduleName: reminderScheduleName(event.eventId, step),
      step,
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.reminderKey.localeCompare(b.reminderKey));

const isPast = (r: PlannedReminder, now: Date): boolean => new Date(r.dueAt).getTime() <= now.getTime();

const skippedView = (r: PlannedReminder): SkippedReminder => ({
  daysBefore: r.daysBefore,
  at: r.at,
  dueAt: r.dueAt,
});

/**
 * Which steps get a schedule as of `now`, and which are skipped because their time has passed: a
 * reminder is never sent late by surprise. Only a published event has anything scheduled.
 */
export const splitReminderPlan = (
  event: PlannedEvent,
  now: Date,
): { scheduled: PlannedReminder[]; skipped: PlannedReminder[] } => {
  if (event.status !== 'published') return { scheduled: [], skipped: [] };
  const plan = reminderPlan(event);
  return { scheduled: plan.filter((r) => !isPast(r, now)), skipped: plan.filter((r) => isPast(r, now)) };
};

/** The steps skipped when the event was published at `publishedAt`, as the publish response reports them. */
export const skippedAtPublish = (event: PlannedEvent, publishedAt: Date): SkippedReminder[] =>
  splitReminderPlan(event, publishedAt).skipped.map(skippedView);

/**
 * The steps a change skips: past at `now` in the new plan, and not already past with the same time
 * before (those went out, or were skipped, earlier). Nothing for an event that is not published.
 */
export const skippedByChange = (previous: PlannedEvent, next: PlannedEvent, now: Date): SkippedReminder[] => {
  const alreadyPast = new Set(
    previous.status === 'published'
      ? reminderPlan(previous)
          .filter((r) => isPast(r, now))
          .map((r) => `${r.reminderKey} ${r.dueAt}`)
      : [],
  );
  return splitReminderPlan(next, now)
    .skipped.filter((r) => !alreadyPast.has(`${r.reminderKey} ${r.dueAt}`))
    .map(skippedView);
};

/** The step a `Reminder Due` names, if the event's current plan still has it at that very instant. */
export const currentStep = (
  event: PlannedEvent,
  reminderKey: string,
  dueAt: string,
): PlannedReminder | undefined => {
  if (event.status !== 'published') return undefined;
  const step = reminderPlan(event).find((r) => r.reminderKey === reminderKey);
  return step && new Date(step.dueAt).getTime() === new Date(dueAt).getTime() ? step : undefined;
};

/**
 * What to do to the event's reminder schedules so they match its plan as of `now` (see
 * `reconcileSchedules`). Only a published event has anything scheduled.
 */
export const scheduleChanges = (
  event: PlannedEvent | undefined,
  now: Date,
  recorded: RecordedSchedules,
): ScheduleChanges<PlannedReminder> =>
  reconcileSchedules(event ? splitReminderPlan(event, now) : NOTHING_PLANNED, recorded);
