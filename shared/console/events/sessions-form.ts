import type { ConferenceView } from '../../domain/conference';
import { shiftWallClock } from '../../domain/wall-clock';
import type { FieldProblem } from '../../domain/errors';
import { type FieldRule, numberMessage, textMessage, wholeNumberOf } from './field-rules';
import { timeOfDayOf } from './time-fields';
import { rowName } from './row-names';

export const SessionKinds = ['keynote', 'workshop', 'networking'] as const;

/** One row of the sessions form as typed. `id` is kept for a saved session (bookings name it). */
export interface SessionRow {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /** The session's day, `2027-04-01`: one of the event's days. */
  readonly day: string;
  readonly starts: string;
  readonly ends: string;
  readonly capacity: string;
  readonly remove: boolean;
}

/** Blank rows the form offers for new sessions, without JavaScript: enough for a morning's workshops. */
export const BLANK_SESSION_ROWS = 4;

/** Each calendar day the event spans, `2027-04-01`, first to last. */
export const eventDays = (view: Pick<ConferenceView, 'startsAt' | 'endsAt'>): string[] => {
  const days = [view.startsAt.slice(0, 10)];
  const last = view.endsAt.slice(0, 10);
  while (days.length < 31 && days.at(-1)! < last)
    days.push(shiftWallClock(`${days.at(-1)}T00:00`, 1).slice(0, 10));
  return days;
};

const blankRow = (day: string): SessionRow => ({
  id: '',
  kind: 'workshop',
  title: '',
  day,
  starts: '',
  ends: '',
  capacity: '',
  remove: false,
});

/** The saved sessions as rows, then blank rows for new ones. */
export const sessionRowsOf = (view: ConferenceView, blankRows = BLANK_SESSION_ROWS): SessionRow[] => [
  ...view.sessions.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    day: s.startsAt.slice(0, 10),
    starts: s.startsAt.slice(11, 16),
    ends: s.endsAt.slice(11, 16),
    capacity: s.capacity === null ? '' : String(s.capacity),
    remove: false,
  })),
  ...Array.from({ length: blankRows }, () => blankRow(view.startsAt.slice(0, 10))),
];

const ROW_FIELD = /^session-(\d+)-/;

/** The rows a posted form holds, in row order, as typed. */
export const readSessionRows = (fields: Readonly<Record<string, string>>): SessionRow[] => {
  const rows = [...new Set(Object.keys(fields).flatMap((name) => ROW_FIELD.exec(name)?.[1] ?? []))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return rows.map((r) => {
    const field = (name: string) => fields[`session-${r}-${name}`] ?? '';
    return {
      id: field('id'),
      kind: field('kind'),
      title: field('title'),
      day: field('day'),
      starts: field('starts'),
      ends: field('ends'),
      capacity: field('capacity'),
      remove: field('remove') !== '',
    };
  });
};

const isBlank = (row: SessionRow): boolean =>
  row.id === '' && `${row.title}${row.starts}${row.ends}${row.capacity}`.trim() === '';

/**
 * The `sessions` list PATCH /events/{id} takes, from the rows: a removed or untouched blank row is
 * left out, a saved session keeps its id. `rowOf[n]` is the row that sent `sessions[n]`, so a problem
 * on `sessions.n.title` is shown beside that row.
 */
export const sessionsRequest = (rows: readonly SessionRow[]): { sessions: unknown[]; rowOf: number[] } => {
  const rowOf: number[] = [];
  const sessions = rows.flatMap((row, r) => {
    if (row.remove || isBlank(row)) return [];
    rowOf.push(r);
    const at = (typed: string) => `${row.day}T${timeOfDayOf(typed) ?? typed.trim()}`;
    return [
      {
        ...(row.id === '' ? {} : { id: row.id }),
        title: row.title,
        kind: row.kind,
        startsAt: at(row.starts),
        endsAt: at(row.ends),
        ...(row.capacity.trim() === '' ? {} : { capacity: wholeNumberOf(row.capacity) }),
      },
    ];
  });
  return { sessions, rowOf };
};

export const sessionFieldId = (
  row: number,
  field: 'kind' | 'title' | 'starts' | 'ends' | 'capacity' | 'remove',
) => `session-${row}-${field}`;

const placesBooked = (n: number): string => `${n} ${n === 1 ? 'place' : 'places'} booked`;

/**
 * Which rows a save refused for bookings was refused for, from the places booked in each session: a
 * session removed while someone holds a place in it, and a session given fewer places than are booked.
 * The repository's write is what refuses; this only says where, with the counts the page read.
 */
export const belowBookingProblems = (
  rows: readonly SessionRow[],
  taken: Readonly<Record<string, number>>,
): FieldProblem[] =>
  rows.flatMap((row, r): FieldProblem[] => {
    const booked = taken[row.id] ?? 0;
    if (row.id === '' || booked === 0) return [];
    const { heading } = rowName('Session', r);
    const path = `booked.${r}`;
    if (row.remove)
      return [{ path, message: `${heading} has ${placesBooked(booked)}, so it cannot be removed` }];
    const places = wholeNumberOf(row.capacity);
    return typeof places === 'number' && places < booked
      ? [{ path, message: `${heading} has ${placesBooked(booked)}: give it at least ${booked} places` }]
      : [];
  });

const timeMessage = (typed: string, session: string, what: string, like: string): string | undefined => {
  if (typed.trim() === '') return `Enter the time ${session} ${what}`;
  if (timeOfDayOf(typed) === undefined)
    return `Enter the time ${session} ${what} using the 24-hour clock, like ${like}`;
  return undefined;
};

/**
 * What to say about each row that was sent, in row order. `event` gives the limits sessions are
 * checked against: the event's start and end (wall-clock) and its places. Each message names its
 * session as the form does (`rowName`).
 */
export const sessionRules = (
  rows: readonly SessionRow[],
  rowOf: readonly number[],
  event: { readonly startsAt: string; readonly endsAt: string; readonly capacity: number },
): FieldRule[] => [
  ...rowOf.flatMap((r, n): FieldRule[] => {
    const row = rows[r]!;
    const path = `sessions.${n}`;
    const { heading, mention: session } = rowName('Session', r);
    return [
      {
        path: `${path}.kind`,
        id: sessionFieldId(r, 'kind'),
        say: () => `Choose whether ${session} is a keynote, a workshop or networking`,
      },
      {
        path: `${path}.title`,
        id: sessionFieldId(r, 'title'),
        say: () => textMessage(row.title, `Enter the title of ${session}`, `The title of ${session}`, 200),
      },
      { path: `${path}.id`, id: sessionFieldId(r, 'title'), say: (p) => p.message },
      {
        path: `${path}.startsAt`,
        id: sessionFieldId(r, 'starts'),
        say: (p) =>
          timeMessage(row.starts, session, 'starts', '11:00') ??
          (/before the event/.test(p.message)
            ? `${heading} must not start before the event does (${event.startsAt.slice(11, 16)})`
            : /does not exist/.test(p.message)
              ? `The time ${session} starts does not exist on that day, because the clocks go forward: choose another time`
              : p.message),
      },
      {
        path: `${path}.endsAt`,
        id: sessionFieldId(r, 'ends'),
        say: (p) =>
          timeMessage(row.ends, session, 'ends', '12:00') ??
          (/after startsAt/.test(p.message)
            ? `${heading} must end after it starts`
            : /after the event ends/.test(p.message)
              ? `${heading} must end by the time the event does (${event.endsAt.slice(11, 16)})`
              : p.message),
      },
      {
        path: `${path}.capacity`,
        id: sessionFieldId(r, 'capacity'),
        say: (p) =>
          /more than the event/.test(p.message)
            ? `${heading} cannot have more places than the event (${event.capacity})`
            : numberMessage(row.capacity, {
                blank: `Enter the places in ${session}, or leave it blank`,
                notWhole: `Enter the places in ${session} as a whole number, like 30`,
                range: `Enter a number of places from 1 to 100,000 for ${session}`,
              }),
      },
    ];
  }),
  // A saved session refused for its bookings (belowBookingProblems): beside its tick box if it was ticked
  // for removal (a removed row is not sent), else beside its places.
  ...rows.flatMap((row, r): FieldRule[] =>
    row.id === ''
      ? []
      : [
          {
            path: `booked.${r}`,
            id: sessionFieldId(r, row.remove ? 'remove' : 'capacity'),
            say: (p) => p.message,
          },
        ],
  ),
];
