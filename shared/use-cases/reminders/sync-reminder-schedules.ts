import { ReminderDue } from '../../../events';
import { scheduleRecords } from '../../adapters/dynamo/schedule-records';
import { upsertSchedule } from '../../adapters/scheduler';
import { scheduleChanges, type PlannedReminder } from '../../domain/reminders/plan';
import { syncEventSchedules, syncOnChange, type ScheduleArea } from '../schedules/sync-event-schedules';

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

/** Publication, cancellation, or an update that moved times: the reminder schedules follow. */
export const syncRemindersOnChange = syncOnChange(reminderSchedules);
