import * as z from '../shared/zod';
import { defineEvent, type EventContract } from './contract';
import { eventSnapshotSchema } from './event-snapshot';
import { Sources } from './sources';

/**
 * An organiser cancelled the event: registration closes and everything scheduled from its times goes.
 * Published by the conference commands; the reminder and survey schedules listen to it.
 */
export const EventCancelled = defineEvent(
  Sources.conferences,
  'Event Cancelled',
  z.object({ event: eventSnapshotSchema, cancelledAt: z.iso.datetime() }),
  'event-cancelled.json',
);
export type EventCancelled = z.infer<typeof EventCancelled.schema>;

/**
 * One step of an event's reminder plan is due: put on the bus by its one-time schedule. Ids and the
 * instant only, no personal data; `dueAt` tells a step that still stands from one moved since.
 */
export const ReminderDue = defineEvent(
  Sources.messaging,
  'Reminder Due',
  z.object({
    eventId: z.string().check(z.minLength(1)),
    /** The step, e.g. `7d@09:00`. */
    reminderKey: z.string().check(z.minLength(1)),
    dueAt: z.iso.datetime(),
  }),
  'reminder-due.json',
);
export type ReminderDue = z.infer<typeof ReminderDue.schema>;

/** The reminder area's bus events; each one is also exported by name from here. */
export const reminderContracts: readonly EventContract[] = [EventCancelled, ReminderDue];
