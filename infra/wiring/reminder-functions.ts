import { EventCancelled, EventPublished, EventUpdated, ReminderDue } from '../../events';
import type { FunctionSpec } from './types';

/** Reminder sequences: one schedule per pending step, fanned out to the confirmed delegates when due. */
export const reminderFunctions = {
  cancelEvent: {
    entry: 'cancel-event',
    description: 'Cancels an event: registration closes and its reminders stop',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/cancel',
      auth: 'organisers',
      audit: 'event.cancelled',
    },
    access: { table: 'readWrite', bus: 'put' },
  },
  syncReminderSchedules: {
    entry: 'sync-reminder-schedules',
    description: "Keeps one schedule per pending reminder step in line with the event's times",
    trigger: { kind: 'event', events: [EventPublished, EventUpdated, EventCancelled] },
    access: { table: 'readWrite', scheduler: 'manage' },
    timeoutSeconds: 60,
  },
  queueReminderMail: {
    entry: 'queue-reminder-mail',
    description: 'Records and queues a due reminder for every delegate confirmed at that moment',
    trigger: { kind: 'event', events: [ReminderDue] },
    access: { table: 'readWrite', sendQueue: 'send', retention: 'read' },
    // An event of some thousands of delegates: one ledger write and queue entry each.
    timeoutSeconds: 300,
  },
  queueEventChangeMail: {
    entry: 'queue-event-change-mail',
    description:
      'Tells every confirmed and waitlisted delegate that the event moved or was cancelled, once per change',
    trigger: { kind: 'event', events: [EventUpdated, EventCancelled] },
    access: { table: 'readWrite', sendQueue: 'send', retention: 'read' },
    // One ledger write and queue entry per delegate, as for a reminder.
    timeoutSeconds: 300,
  },
} as const satisfies Record<string, FunctionSpec>;
