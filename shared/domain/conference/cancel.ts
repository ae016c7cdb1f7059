import { conflict } from '../errors';
import type { Conference } from './conference';

/**
 * Cancels an event: registration closes and nothing more is sent for it. Cancelling a cancelled event
 * changes nothing (a retried request is harmless); an event that is over cannot be cancelled.
 */
export const cancelConference = (
  c: Conference,
  now: Date,
): { next: Conference; changed: boolean; cancelledAt: string } => {
  if (c.status === 'cancelled') return { next: c, changed: false, cancelledAt: c.cancelledAt ?? c.updatedAt };
  if (new Date(c.endsAt) <= now) throw conflict('event_ended', 'The event is over; it cannot be cancelled.');
  const at = now.toISOString();
  return {
    next: { ...c, status: 'cancelled', cancelledAt: at, updatedAt: at, version: c.version + 1 },
    changed: true,
    cancelledAt: at,
  };
};
