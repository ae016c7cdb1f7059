import type { Conference } from '../conference';
import type { FieldProblem } from '../errors';

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
export const registrationOpen = (conference: Conference, now: Date): boolean =>
  conference.status === 'published' && now < new Date(conference.startsAt);

/** The chosen sessions that have limited places: only these need a seat claimed. */
export const cappedSessions = (conference: Conference, chosen: readonly string[]): string[] =>
  chosen.filter((id) => conference.sessions.find((s) => s.id === id)?.capacity !== undefined);
