import type { Conference, Session } from '../conference';
import type { Registration } from './registration';

/** One session of a delegate's day: chosen (a capped session, or one they named) or open to everyone. */
export interface ProgrammeEntry {
  readonly session: Session;
  readonly status: 'confirmed' | 'waitlisted';
  /** False for a session without a capacity the delegate did not name: it is theirs without a choice. */
  readonly chosen: boolean;
}

const byStart = (a: ProgrammeEntry, b: ProgrammeEntry): number =>
  a.session.startsAt.localeCompare(b.session.startsAt);

/**
 * The sessions a registration's delegate attends or waits for, in time order. A confirmed delegate's day
 * holds every session without a capacity (keynotes, networking) and their capped choices; while waiting
 * for an event place, only the choices, all waiting; otherwise nothing.
 */
export const programmeOf = (
  conference: Pick<Conference, 'sessions'>,
  r: Pick<Registration, 'status' | 'sessions' | 'sessionOrder'>,
): ProgrammeEntry[] => {
  if (r.status !== 'confirmed' && r.status !== 'waitlisted') return [];
  const chosen = new Set(r.sessionOrder);
  const confirmed = r.status === 'confirmed';
  return conference.sessions
    .flatMap((session): ProgrammeEntry[] => {
      const named = chosen.has(session.id);
      if (confirmed && session.capacity === undefined)
        return [{ session, status: 'confirmed', chosen: named }];
      if (!named) return [];
      const place = r.sessions[session.id];
      return [
        { session, status: confirmed && place === 'confirmed' ? 'confirmed' : 'waitlisted', chosen: true },
      ];
    })
    .sort(byStart);
};
