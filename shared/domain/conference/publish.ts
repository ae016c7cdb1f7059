import { conflict } from '../errors';
import type { Conference } from './conference';

/**
 * Opens registration. Publishing a published event changes nothing (a retried request is harmless);
 * an event that has started or was cancelled cannot be published.
 */
export const publishConference = (c: Conference, now: Date): { next: Conference; changed: boolean } => {
  if (c.status === 'published') return { next: c, changed: false };
  if (c.status === 'cancelled') throw conflict('event_cancelled', 'A cancelled event cannot be published.');
  if (new Date(c.startsAt) <= now) throw conflict('event_started', 'The event has already started.');
  return {
    next: {
      ...c,
      status: 'published',
      publishedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: c.version + 1,
    },
    changed: true,
  };
};
