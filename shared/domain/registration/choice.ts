import type { Conference } from '../conference';
import type { FieldProblem } from '../errors';
import type { Registration, SessionPlace } from './registration';

/**
 * Checks a delegate's session choice against the event: every id must be a session of the event,
 * chosen once, and no two may overlap in time (a delegate cannot be in two rooms at once).
 */
export const sessionChoiceProblems = (conference: Conference, chosen: readonly string[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const byId = new Map(conference.sessions.map((s) => [s.id, s]));
  const seen = new Set<string>();
  chosen.forEach((id, i) => {
    if (!byId.has(id)) problems.push({ path: `sessions.${i}`, message: `No session ${id} in this event` });
    else if (seen.has(id)) problems.push({ path: `sessions.${i}`, message: `Session ${id} is chosen twice` });
    seen.add(id);
  });
  const picked = [...seen].flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
  for (let a = 0; a < picked.length; a += 1) {
    for (let b = a + 1; b < picked.length; b += 1) {
      const x = picked[a]!;
      const y = picked[b]!;
      if (x.startsAt < y.endsAt && y.startsAt < x.endsAt) {
        problems.push({ path: 'sessions', message: `Sessions ${x.id} and ${y.id} overlap in time` });
      }
    }
  }
  return problems;
};

/** Registration is open while the event is published and has not started. */
export const registrationOpen = (conference: Pick<Conference, 'status' | 'startsAt'>, now: Date): boolean =>
  conference.status === 'published' && now < new Date(conference.startsAt);

/** The chosen sessions that have limited places: only these need a seat claimed. */
export const cappedSessions = (conference: Conference, chosen: readonly string[]): string[] =>
  chosen.filter((id) => conference.sessions.find((s) => s.id === id)?.capacity !== undefined);

/** What replacing a decided registration's choices means for seats and waiting lists. */
export interface SessionChange {
  /** Dropped capped choices whose seat is given back. */
  readonly free: string[];
  /** Dropped choices whose waiting list is left. */
  readonly leave: string[];
  /** New capped choices that need a seat (only once the event place is confirmed). */
  readonly claim: string[];
}

export const sessionChange = (
  conference: Conference,
  r: Pick<Registration, 'status' | 'sessions' | 'sessionOrder'>,
  wanted: readonly string[],
): SessionChange => {
  const capped = new Set(cappedSessions(conference, [...r.sessionOrder, ...wanted]));
  const dropped = r.sessionOrder.filter((id) => !wanted.includes(id));
  const confirmed = r.status === 'confirmed';
  return {
    free: confirmed ? dropped.filter((id) => capped.has(id) && r.sessions[id] === 'confirmed') : [],
    leave: dropped.filter((id) => r.sessions[id] === 'waitlisted'),
    claim: confirmed ? wanted.filter((id) => capped.has(id) && !r.sessionOrder.includes(id)) : [],
  };
};

/**
 * Whether asking for these choices would change nothing: the same sessions, in any order (a second post
 * of the same form, or an organiser saving a delegate's choices unchanged). Such a change sends no mail.
 */
export const changesNothing = (r: Pick<Registration, 'sessionOrder'>, wanted: readonly string[]): boolean =>
  wanted.length === r.sessionOrder.length && wanted.every((id) => r.sessionOrder.includes(id));

/**
 * The choices after a change: kept ones stay as they stood; a new one is confirmed (a seat claimed, or
 * no capacity), waiting where `full`, or requested while the delegate waits for an event place.
 */
export const sessionsAfterChange = (
  r: Pick<Registration, 'status' | 'sessions' | 'sessionOrder' | 'sessionWaitSince'>,
  wanted: readonly string[],
  full: ReadonlySet<string>,
  at: string,
): Pick<Registration, 'sessions' | 'sessionOrder' | 'sessionWaitSince'> => {
  const sessions: Record<string, SessionPlace> = {};
  const sessionWaitSince: Record<string, string> = {};
  for (const id of wanted) {
    const kept = r.sessionOrder.includes(id) ? r.sessions[id] : undefined;
    sessions[id] =
      kept ?? (r.status !== 'confirmed' ? 'requested' : full.has(id) ? 'waitlisted' : 'confirmed');
    const since = kept ? r.sessionWaitSince?.[id] : full.has(id) ? at : undefined;
    if (sessions[id] === 'waitlisted' && since) sessionWaitSince[id] = since;
  }
  return { sessions, sessionOrder: [...wanted], sessionWaitSince };
};
