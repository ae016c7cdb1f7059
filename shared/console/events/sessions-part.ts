import { formatDayForUk } from '../../domain/wall-clock';
import type { ConferenceView } from '../../domain/conference';
import { errorOf, type PartForm } from './part-form';
import {
  belowBookingProblems,
  eventDays,
  readSessionRows,
  sessionFieldId,
  sessionRowsOf,
  sessionRules,
  SessionKinds,
  sessionsRequest,
  type SessionRow,
} from './sessions-form';
import { rowName } from './row-names';
import { sessionProblemsBeside } from './time-problems';

const kindNames = { keynote: 'Keynote', workshop: 'Workshop', networking: 'Networking' } as const;

/** "Thursday 1 April 2027" for the day `2027-04-01` (a day, not an instant: noon UTC is on it anywhere). */
const dayName = (isoDate: string): string => formatDayForUk(new Date(`${isoDate}T12:00:00Z`), 'UTC');

/** The rows' values and errors as the template's macros take them. */
const rowsModel = (
  rows: readonly SessionRow[],
  view: ConferenceView,
  errors: Parameters<typeof errorOf>[0],
) => {
  const days = eventDays(view);
  return rows.map((row, r) => ({
    legend: rowName('Session', r).heading,
    saved: row.id !== '',
    blank: row.id === '' && `${row.title}${row.starts}${row.ends}${row.capacity}`.trim() === '',
    id: row.id,
    remove: row.remove,
    removeError: errorOf(errors, sessionFieldId(r, 'remove')),
    kind: {
      items: SessionKinds.map((k) => ({ value: k, text: kindNames[k], selected: row.kind === k })),
      error: errorOf(errors, sessionFieldId(r, 'kind')),
    },
    title: { value: row.title, error: errorOf(errors, sessionFieldId(r, 'title')) },
    day:
      days.length > 1
        ? {
            items: (days.includes(row.day) ? days : [row.day, ...days]).map((d) => ({
              value: d,
              text: dayName(d),
              selected: d === row.day,
            })),
          }
        : { only: days[0] },
    starts: { value: row.starts, error: errorOf(errors, sessionFieldId(r, 'starts')) },
    ends: { value: row.ends, error: errorOf(errors, sessionFieldId(r, 'ends')) },
    capacity: { value: row.capacity, error: errorOf(errors, sessionFieldId(r, 'capacity')) },
  }));
};

/**
 * The programme: keynotes, workshops and networking, each with its times (sessions at the same times
 * run in parallel, as the API models a slot) and, for a workshop delegates choose, its places.
 */
export const sessionsPart: PartForm<readonly SessionRow[]> = {
  stored: (view) => sessionRowsOf(view),
  read: readSessionRows,
  request: (rows, view) => {
    const { sessions, rowOf } = sessionsRequest(rows);
    return {
      body: { sessions },
      rules: () => sessionRules(rows, rowOf, view),
      fallbackId: sessionFieldId(0, 'title'),
      belowBookings: (taken) => belowBookingProblems(rows, taken),
      besides: (refused, now) => sessionProblemsBeside(sessions, refused, view, now),
    };
  },
  model: (rows, errors, view) => ({
    rows: rowsModel(rows, view, errors),
    oneDay: eventDays(view).length === 1 ? dayName(view.startsAt.slice(0, 10)) : undefined,
    eventTimes: `${view.startsAt.slice(11, 16)} to ${view.endsAt.slice(11, 16)}`,
  }),
};
