import type { Conference } from '../conference';
import { registrationOpen } from './choice';
import type { Registration } from './registration';

/**
 * Delegates register until the event starts; an organiser books until it ends (the walk-in at the door).
 */
export const bookingOpen = (
  conference: Conference,
  bookedBy: Registration['bookedBy'],
  now: Date,
): boolean =>
  bookedBy === 'organiser'
    ? conference.status === 'published' && now < new Date(conference.endsAt)
    : registrationOpen(conference, now);

/** Erasure before the event ends gives the place back; afterwards the day's record (status, attendance) stays. */
export const erasureCancels = (conference: Conference, r: Registration, now: Date): boolean =>
  now < new Date(conference.endsAt) &&
  (r.status === 'confirmed' || r.status === 'waitlisted') &&
  r.attendedAt === undefined;
