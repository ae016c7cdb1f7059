import { EventUpdated, ReminderDue, type EventCancelled, type EventPublished } from '../../../events';
import type { Parsed } from '../../bus/bus-event';
import { conferenceRepository, reminderScheduleRecords } from '../../adapters/dynamo/conference-repository';
import { logger } from '../../adapters/observability';
import { deleteSchedule, upsertSchedule } from '../../adapters/scheduler';
import { now } from '../../clock';
import { scheduleChanges } from '../../domain/reminders/plan';

/** Rounds before giving up on an event that keeps changing under the sync (the bus then retries). */
const MAX_ROUNDS = 5;

/** One pass: the event's schedules made to match its plan as it stood when read; returns that version. */
const syncOnce = async (eventId: string): Promise<number | undefined> => {
  const found = await conferenceRepository.find(eventId);
  const records = await reminderScheduleRecords.list(eventId);
  const changes = scheduleChanges(
    found?.conference,
    now(),
    Object.fromEntries(records.map((r) => [r.name, r.dueAt])),
  );
  for (const r of changes.upsert) {
    // Recorded before it exists (a crash leaves no unknown schedule) and after (a concurrent sync
    // that deleted it meanwhile cannot leave it unrecorded).
    await reminderScheduleRecords.note(eventId, r.scheduleName, r.dueAt);
    await upsertSchedule(r.scheduleName, new Date(r.dueAt), ReminderDue, {
      eventId,
      reminderKey: r.reminderKey,
      dueAt: r.dueAt,
    });
    await reminderScheduleRecords.note(eventId, r.scheduleName, r.dueAt);
  }
  const tokens = new Map(records.map((r) => [r.name, r.token]));
  for (const name of changes.remove) {
    await deleteSchedule(name);
    await reminderScheduleRecords.forget(eventId, name, tokens.get(name) ?? '');
  }
  logger.info('Reminder schedules synced', {
    eventId,
    version: found?.conference.version,
    upserted: changes.upsert.map((r) => r.scheduleName),
    removed: changes.remove,
  });
  return found?.conference.version;
};

/**
 * Keeps one one-time schedule per pending reminder step of an event, derived from the event as it is
 * now (not from the event that triggered the sync, so late or reordered deliveries do no harm). If the
 * event changed while the sync ran, it runs again, so a slower sync of an older version never has the
 * last word.
 */
export const syncReminderSchedules = async (eventId: string): Promise<void> => {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const synced = await syncOnce(eventId);
    const after = await conferenceRepository.find(eventId);
    if (after?.conference.version === synced) return;
  }
  throw new Error(`Event ${eventId} kept changing while its reminder schedules were synced`);
};

type ConferenceChange = Parsed<[typeof EventPublished, typeof EventUpdated, typeof EventCancelled]>;

/** A change that can move reminders: publication, cancellation, or an update that moved times. */
export const syncRemindersOnChange = async ({ contract, detail }: ConferenceChange): Promise<void> => {
  if (contract === EventUpdated && !('timesChanged' in detail && detail.timesChanged)) return;
  await syncReminderSchedules(detail.event.eventId);
};
