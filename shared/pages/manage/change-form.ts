import type { Conference, Session } from '../../domain/conference';
import type { Registration } from '../../domain/registration';
import { formatRangeForUk } from '../../domain/wall-clock';
import type { FieldProblem } from '../../domain/errors';
import type { PageErrors } from '../form-errors';

/** "No workshop in this slot": the value of each time slot's last radio. */
export const NONE = 'none';

/** One radio of a time slot: a workshop, what is left of it, and whether the delegate holds it now. */
export interface SlotOption {
  readonly sessionId: string;
  readonly title: string;
  readonly placesLeft: number;
  readonly held?: 'confirmed' | 'waitlisted';
}

/** Workshops that run at the same time: the delegate can be in one of them (or none). */
export interface Slot {
  /** The form field's name and the radios' id: `slot-<first session id>`. */
  readonly id: string;
  readonly when: string;
  readonly options: readonly SlotOption[];
}

const overlaps = (a: Session, b: Session): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * The workshops a delegate chooses between (sessions with limited places; the others are theirs without a
 * choice), in time slots: a session joins the slot it overlaps, so one radio per slot never picks two
 * sessions at once.
 */
export const slotsOf = (
  conference: Pick<Conference, 'sessions' | 'timezone'>,
  taken: Readonly<Record<string, number>>,
  r: Pick<Registration, 'sessions' | 'sessionOrder'>,
): Slot[] => {
  const capped = conference.sessions
    .filter((s) => s.capacity !== undefined)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const groups: Session[][] = [];
  for (const session of capped) {
    const last = groups.at(-1);
    if (last?.some((s) => overlaps(s, session))) last.push(session);
    else groups.push([session]);
  }
  return groups.map((group) => {
    const start = group.map((s) => s.startsAt).sort()[0]!;
    const end = group
      .map((s) => s.endsAt)
      .sort()
      .at(-1)!;
    return {
      id: `slot-${group[0]!.id}`,
      when: formatRangeForUk(new Date(start), new Date(end), conference.timezone),
      options: group.map((s) => {
        const place = r.sessionOrder.includes(s.id) ? r.sessions[s.id] : undefined;
        return {
          sessionId: s.id,
          title: s.title,
          placesLeft: Math.max(0, (s.capacity ?? 0) - (taken[s.id] ?? 0)),
          ...(place
            ? { held: place === 'confirmed' ? ('confirmed' as const) : ('waitlisted' as const) }
            : {}),
        };
      }),
    };
  });
};

/**
 * The choice a posted form makes: one session per slot (or none), plus the sessions without a limit the
 * delegate named before, where they do not clash with the new choice. Unknown values are passed on: the
 * use-case refuses them as the JSON route does.
 */
export const readChangeForm = (
  form: Readonly<Record<string, string>>,
  slots: readonly Slot[],
  conference: Pick<Conference, 'sessions'>,
  r: Pick<Registration, 'sessionOrder'>,
): string[] => {
  const picked = slots.flatMap((slot) => {
    const value = form[slot.id]?.trim();
    return value && value !== NONE ? [value] : [];
  });
  const byId = new Map(conference.sessions.map((s) => [s.id, s]));
  const pickedSessions = picked.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const kept = r.sessionOrder.filter((id) => {
    const session = byId.get(id);
    return session?.capacity === undefined && session && !pickedSessions.some((p) => overlaps(p, session));
  });
  return [...kept, ...picked];
};

/** Whether a choice is the one the delegate already has (then nothing is asked for). */
export const sameChoice = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The use-case's refusal of a choice (the same FieldProblems the JSON route gives) in the page's words,
 * beside the time slot it concerns: `sessions.N` names the Nth session sent, `sessions` a clash.
 */
export const changeErrors = (
  problems: readonly FieldProblem[],
  sent: readonly string[],
  slots: readonly Slot[],
): PageErrors => {
  const first = slots[0]?.id ?? 'slot';
  const slotOf = (sessionId: string | undefined): string =>
    slots.find((s) => s.options.some((o) => o.sessionId === sessionId))?.id ?? first;
  const byField: Record<string, string> = {};
  for (const p of problems) {
    const index = /^sessions\.(\d+)$/.exec(p.path)?.[1];
    const id = index === undefined ? first : slotOf(sent[Number(index)]);
    byField[id] ??=
      index === undefined
        ? 'Choose workshops that do not run at the same time'
        : 'Choose one of the workshops listed, or no workshop';
  }
  const summary = slots
    .map((s) => s.id)
    .concat(first)
    .filter((id, i, all) => byField[id] !== undefined && all.indexOf(id) === i)
    .map((id) => ({ text: byField[id]!, href: `#${id}` }));
  return { summary, byField };
};
