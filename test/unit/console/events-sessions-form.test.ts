import { describe, expect, it } from '@jest/globals';
import { updateEventRequest } from '../../../shared/api/event-schemas';
import { fieldCopyOf } from '../../../shared/console/events/field-rules';
import {
  belowBookingProblems,
  eventDays,
  readSessionRows,
  sessionRules,
  sessionsRequest,
} from '../../../shared/console/events/sessions-form';
import { sessionProblemsBeside } from '../../../shared/console/events/time-problems';
import { pageErrors } from '../../../shared/pages/form-errors';

const row = (r: number, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`session-${r}-${k}`, v]));

const posted = {
  csrf: 'signed',
  ...row(0, {
    id: 'keynote',
    kind: 'keynote',
    title: 'Opening keynote',
    day: '2027-04-01',
    starts: '9:30',
    ends: '10:30',
    capacity: '',
  }),
  ...row(1, {
    id: 'old',
    kind: 'workshop',
    title: 'Dropped',
    day: '2027-04-01',
    starts: '11:00',
    ends: '12:00',
    capacity: '20',
    remove: 'yes',
  }),
  ...row(2, {
    id: '',
    kind: 'workshop',
    title: 'Workshop A',
    day: '2027-04-01',
    starts: '11:00',
    ends: '12:00',
    capacity: '20',
  }),
  ...row(3, { id: '', kind: 'workshop', title: '', day: '2027-04-01', starts: '', ends: '', capacity: '' }),
  ...row(10, {
    id: '',
    kind: 'workshop',
    title: 'Workshop B',
    day: '2027-04-01',
    starts: '11:00',
    ends: '10:00',
    capacity: '20',
  }),
};

const event = { startsAt: '2027-04-01T09:00', endsAt: '2027-04-01T16:30', capacity: 120 };

describe('the sessions form', () => {
  it('gives the sessions list PATCH takes: ids kept, removed and blank rows left out, in row order', () => {
    const { sessions, rowOf } = sessionsRequest(readSessionRows(posted));

    expect(sessions).toEqual([
      {
        id: 'keynote',
        title: 'Opening keynote',
        kind: 'keynote',
        startsAt: '2027-04-01T09:30',
        endsAt: '2027-04-01T10:30',
      },
      {
        title: 'Workshop A',
        kind: 'workshop',
        startsAt: '2027-04-01T11:00',
        endsAt: '2027-04-01T12:00',
        capacity: 20,
      },
      {
        title: 'Workshop B',
        kind: 'workshop',
        startsAt: '2027-04-01T11:00',
        endsAt: '2027-04-01T10:00',
        capacity: 20,
      },
    ]);
    expect(rowOf).toEqual([0, 2, 4]);
    expect(updateEventRequest.safeParse({ sessions }).success).toBe(true);
  });

  it('shows a problem with sessions[n] beside the row that sent it', () => {
    const rows = readSessionRows(posted);
    const { rowOf } = sessionsRequest(rows);
    const problems = [
      { path: 'sessions.2.endsAt', message: 'Must be after startsAt' },
      { path: 'sessions.1.capacity', message: 'Must not be more than the event capacity' },
    ];

    const errors = pageErrors(problems, fieldCopyOf(sessionRules(rows, rowOf, event), problems), {
      id: 'session-0-title',
    });

    expect(errors.summary).toEqual([
      { text: 'Session 3 cannot have more places than the event (120)', href: '#session-2-capacity' },
      { text: 'Session 5 must end after it starts', href: '#session-4-ends' },
    ]);
  });

  it('asks for a title and a time where a row has neither', () => {
    const rows = readSessionRows({ ...row(0, { kind: 'workshop', title: '', starts: '', ends: '12:00' }) });
    const { rowOf } = sessionsRequest(rows);
    const problems = [
      { path: 'sessions.0.title', message: 'Too small' },
      { path: 'sessions.0.startsAt', message: 'Expected a wall-clock time' },
    ];

    const errors = pageErrors(problems, fieldCopyOf(sessionRules(rows, rowOf, event), problems), { id: 'x' });

    expect(errors.byField).toEqual({
      'session-0-title': 'Enter the title of session 1',
      'session-0-starts': 'Enter the time session 1 starts',
    });
  });

  it('names the session in each message, so two rows with the same problem are two lines of the summary', () => {
    const rows = readSessionRows({
      ...row(0, { kind: 'workshop', title: '', starts: '11:00', ends: '12:00' }),
      ...row(1, { kind: 'workshop', title: '', starts: '11:00', ends: '12:00' }),
    });
    const { rowOf } = sessionsRequest(rows);
    const problems = [
      { path: 'sessions.0.title', message: 'Too small' },
      { path: 'sessions.1.title', message: 'Too small' },
    ];

    const errors = pageErrors(problems, fieldCopyOf(sessionRules(rows, rowOf, event), problems), { id: 'x' });

    expect(errors.summary).toEqual([
      { text: 'Enter the title of session 1', href: '#session-0-title' },
      { text: 'Enter the title of session 2', href: '#session-1-title' },
    ]);
  });

  it('says which session a save refused for its bookings is refused for: removed, or too few places', () => {
    const rows = readSessionRows({
      ...posted,
      ...row(0, {
        id: 'keynote',
        kind: 'workshop',
        title: 'Opening',
        day: '2027-04-01',
        starts: '9:30',
        ends: '10:30',
        capacity: '2',
      }),
    });
    const { rowOf } = sessionsRequest(rows);
    const problems = belowBookingProblems(rows, { keynote: 5, old: 1 });

    const errors = pageErrors(problems, fieldCopyOf(sessionRules(rows, rowOf, event), problems), { id: 'x' });

    expect(errors.summary).toEqual([
      { text: 'Session 1 has 5 places booked: give it at least 5 places', href: '#session-0-capacity' },
      { text: 'Session 2 has 1 place booked, so it cannot be removed', href: '#session-1-remove' },
    ]);
  });

  it('finds the domain’s problems beside the schema’s, so every problem shows on the first save', () => {
    const sessions = [
      { title: '', kind: 'workshop', startsAt: '2027-04-01T11:00', endsAt: '2027-04-01T12:00' },
      {
        title: 'B',
        kind: 'workshop',
        startsAt: '2027-04-01T11:00',
        endsAt: '2027-04-01T10:00',
        capacity: 500,
      },
    ];
    const refused = [{ path: 'sessions.0.title', message: 'Too small' }];

    const found = sessionProblemsBeside(
      sessions,
      refused,
      { ...event, timezone: 'Europe/London' },
      new Date('2027-01-01T00:00:00Z'),
    );

    expect(found).toEqual([
      { path: 'sessions.1.endsAt', message: 'Must be after startsAt' },
      { path: 'sessions.1.capacity', message: 'Must not be more than the event capacity' },
    ]);
  });

  it('offers each day of the event', () => {
    expect(eventDays({ startsAt: '2027-03-30T09:00', endsAt: '2027-04-01T16:00' })).toEqual([
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
    ]);
    expect(eventDays(event)).toEqual(['2027-04-01']);
  });
});
