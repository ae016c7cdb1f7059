import { EventUpdated, ReminderDue, type EventCancelled, type EventPublished } from '../../../events';
import type { Parsed } from '../../bus/bus-event';
import { scheduleRecords } from '../../adapters/dynamo/schedule-records';
import { upsertSchedule } from '../../adapters/scheduler';
import { scheduleChanges, type PlannedReminder } from '../../domain/reminders/plan';
import { syncEventSchedules, type ScheduleArea } from '../schedules/sync-event-schedules';

/** An event's reminder steps: one schedule each, firing `Reminder Due`. */
export const reminderSchedules: ScheduleArea<PlannedReminder> = {
  name: 'Reminder',
  records: scheduleRecords('REMINDER'),
  changes: scheduleChanges,
  upsert: (eventId, r) =>
    upsertSchedule(r.scheduleName, new Date(r.dueAt), ReminderDue, {
      eventId,
      reminderKey: r.reminderKey,
      dueAt: r.dueAt,
    }),
};

/** Keeps the event's reminder schedules in line with its plan as it is now. */
export const syncReminderSchedules = (eventId: string): Promise<void> =>
  syncEventSchedules(reminderSchedules, eventId);

type ConferenceChange = Parsed<[typeof EventPublished, typeof EventUpdated, typeof EventCancelled]>;

/** A change that can move reminders: publication, cancellation, or an update that moved times. */
export const syncRemindersOnChange = async ({ contract, detail }: ConferenceChange): Promise<void> => {
  if (contract === EventUpdated && !('timesChanged' in detail && detail.timesChanged)) return;
  await syncReminderSchedules(detail.event.eventId);
};
