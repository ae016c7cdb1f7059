import { EventUpdated, type EventCancelled, type EventPublished } from '../../../events';
import type { Parsed } from '../../bus/bus-event';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import type { ScheduleRecords } from '../../adapters/dynamo/schedule-records';
import { logger } from '../../adapters/observability';
import { deleteSchedule } from '../../adapters/scheduler';
import { now } from '../../clock';
import { schedulable } from '../../domain/limits/bounds';
import type { Conference } from '../../domain/conference';
import type { RecordedSchedules, ScheduleChanges, TimedSchedule } from '../../domain/schedules/reconcile';

/** Rounds before giving up on an event that keeps changing under the sync (the bus then retries). */
const MAX_ROUNDS = 5;

/** One area's schedules of an event (reminder steps, survey mails): its plan, its records, how one fires. */
export interface ScheduleArea<T extends TimedSchedule> {
  readonly name: string;
  readonly records: ScheduleRecords;
  changes(conference: Conference | undefined, now: Date, recorded: RecordedSchedules): ScheduleChanges<T>;
  /** Creates or moves the one-time schedule of a step. */
  upsert(eventId: string, step: T): Promise<void>;
}

/** One pass: the area's schedules made to match its plan as the event stood when read; returns that version. */
const syncOnce = async <T extends TimedSchedule>(
  area: ScheduleArea<T>,
  eventId: string,
): Promise<number | undefined> => {
  const found = await conferenceRepository.find(eventId);
  const records = await area.records.list(eventId);
  const changes = area.changes(
    found?.conference,
    now(),
    Object.fromEntries(records.map((r) => [r.name, r.dueAt])),
  );
  for (const step of changes.upsert) {
    if (!schedulable(step.dueAt, now())) {
      logger.warn(`${area.name} step out of the Scheduler's range: left out`, {
        eventId,
        step: step.scheduleName,
      });
      continue;
    }
    // Recorded before it exists (a crash leaves no unknown schedule) and after (a concurrent sync
    // that deleted it meanwhile cannot leave it unrecorded).
    await area.records.note(eventId, step.scheduleName, step.dueAt);
    await area.upsert(eventId, step);
    await area.records.note(eventId, step.scheduleName, step.dueAt);
  }
  const tokens = new Map(records.map((r) => [r.name, r.token]));
  for (const name of changes.remove) {
    await deleteSchedule(name);
    await area.records.forget(eventId, name, tokens.get(name) ?? '');
  }
  logger.info(`${area.name} schedules synced`, {
    eventId,
    version: found?.conference.version,
    upserted: changes.upsert.map((r) => r.scheduleName),
    removed: changes.remove,
  });
  return found?.conference.version;
};

/**
 * Keeps one one-time schedule per pending step of an area's plan, derived from the event as it is now
 * (not from the event that triggered the sync, so late or reordered deliveries do no harm). If the
 * event changed while the sync ran, it runs again, so a slower sync of an older version never has the
 * last word.
 */
export const syncEventSchedules = async <T extends TimedSchedule>(
  area: ScheduleArea<T>,
  eventId: string,
): Promise<void> => {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const synced = await syncOnce(area, eventId);
    const after = await conferenceRepository.find(eventId);
    if (after?.conference.version === synced) return;
  }
  throw new Error(`Event ${eventId} kept changing while its ${area.name} schedules were synced`);
};

export type ConferenceChange = Parsed<[typeof EventPublished, typeof EventUpdated, typeof EventCancelled]>;

/** A change that can move an area's schedules: publication, cancellation, or an update that moved times. */
export const syncOnChange =
  <T extends TimedSchedule>(area: ScheduleArea<T>) =>
  async ({ contract, detail }: ConferenceChange): Promise<void> => {
    if (contract === EventUpdated && !('timesChanged' in detail && detail.timesChanged)) return;
    await syncEventSchedules(area, detail.event.eventId);
  };
