import { reminderPlan, type PlannedEvent } from './plan';

/** One step of a reminder plan as an organiser checks it: when it goes, and whether that has passed. */
export interface ReminderDate {
  readonly daysBefore: number;
  readonly at: string;
  readonly subject?: string;
  /** UTC ISO instant. */
  readonly dueAt: string;
  /** Its time has passed: the step is never sent late, so it will not go (`splitReminderPlan`). */
  readonly passed: boolean;
}

/**
 * When each step of the event's plan goes, soonest first, from the same plan the schedules are made
 * from: a preview of a plan before it is saved shows exactly the dates the reminders will go.
 */
export const reminderDates = (event: PlannedEvent, now: Date): ReminderDate[] =>
  reminderPlan(event).map((r) => ({
    daysBefore: r.daysBefore,
    at: r.at,
    ...(r.step.subject ? { subject: r.step.subject } : {}),
    dueAt: r.dueAt,
    passed: new Date(r.dueAt).getTime() <= now.getTime(),
  }));
