import { describe, expect, it } from '@jest/globals';
import type { Conference, Session } from '../../../shared/domain/conference';
import {
  changesNothing,
  programmeOf,
  sessionChange,
  sessionsAfterChange,
  type Registration,
} from '../../../shared/domain/registration';

const session = (id: string, start: string, capacity?: number): Session => ({
  id,
  title: id,
  kind: capacity === undefined ? 'keynote' : 'workshop',
  startsAt: `2027-04-01T${start}:00.000Z`,
  endsAt: `2027-04-01T${start.slice(0, 2)}:50:00.000Z`,
  ...(capacity === undefined ? {} : { capacity }),
});

const conference = {
  sessions: [
    session('close', '15:00'),
    session('open', '09:00'),
    session('ws-a', '11:00', 20),
    session('ws-b', '11:00', 20),
    session('ws-c', '14:00', 20),
    session('lunch', '12:00'),
  ],
} as unknown as Conference;

type Choices = Pick<Registration, 'status' | 'sessions' | 'sessionOrder' | 'sessionWaitSince'>;
const confirmed = (sessions: Registration['sessions']): Choices => ({
  status: 'confirmed',
  sessions,
  sessionOrder: Object.keys(sessions),
});

describe("a delegate's day", () => {
  it('holds every session without a capacity and the capped choices, in time order', () => {
    const day = programmeOf(conference, confirmed({ 'ws-a': 'confirmed', 'ws-c': 'waitlisted' }));
    expect(day.map((e) => [e.session.id, e.status, e.chosen])).toEqual([
      ['open', 'confirmed', false],
      ['ws-a', 'confirmed', true],
      ['lunch', 'confirmed', false],
      ['ws-c', 'waitlisted', true],
      ['close', 'confirmed', false],
    ]);
  });

  it('is the same whether or not an uncapped session was named, apart from saying it was', () => {
    const named = programmeOf(conference, confirmed({ open: 'confirmed' }));
    const unnamed = programmeOf(conference, confirmed({}));
    expect(named.map((e) => [e.session.id, e.status])).toEqual(unnamed.map((e) => [e.session.id, e.status]));
  });

  it('is only the waiting choices while the delegate waits for an event place, and empty once cancelled', () => {
    const waiting: Choices = {
      status: 'waitlisted',
      sessions: { 'ws-a': 'requested' },
      sessionOrder: ['ws-a'],
    };
    expect(programmeOf(conference, waiting).map((e) => [e.session.id, e.status])).toEqual([
      ['ws-a', 'waitlisted'],
    ]);
    expect(programmeOf(conference, { ...waiting, status: 'cancelled' })).toEqual([]);
  });
});

describe('changing sessions', () => {
  it('frees the seats of dropped confirmed workshops, leaves dropped waiting lists, claims new workshops', () => {
    const r = confirmed({ 'ws-a': 'confirmed', 'ws-c': 'waitlisted', open: 'confirmed' });
    expect(sessionChange(conference, r, ['ws-b'])).toEqual({
      free: ['ws-a'],
      leave: ['ws-c'],
      claim: ['ws-b'],
    });
  });

  it('keeps what stays, confirms new uncapped choices and waits where full, from the time of the change', () => {
    const r = {
      ...confirmed({ 'ws-a': 'confirmed', 'ws-c': 'waitlisted' }),
      sessionWaitSince: { 'ws-c': 'T0' },
    };
    expect(sessionsAfterChange(r, ['ws-c', 'ws-b', 'lunch'], new Set(['ws-b']), 'T1')).toEqual({
      sessions: { 'ws-c': 'waitlisted', 'ws-b': 'waitlisted', lunch: 'confirmed' },
      sessionOrder: ['ws-c', 'ws-b', 'lunch'],
      sessionWaitSince: { 'ws-c': 'T0', 'ws-b': 'T1' },
    });
  });

  it('claims nothing while the delegate waits for an event place: new choices are requested', () => {
    const r: Choices = { status: 'waitlisted', sessions: { 'ws-a': 'requested' }, sessionOrder: ['ws-a'] };
    expect(sessionChange(conference, r, ['ws-b'])).toEqual({ free: [], leave: [], claim: [] });
    expect(sessionsAfterChange(r, ['ws-b'], new Set(), 'T1').sessions).toEqual({ 'ws-b': 'requested' });
  });
});

describe('a change that changes nothing', () => {
  it('is the same sessions in any order, and nothing else', () => {
    const r = { sessionOrder: ['ws-a', 'keynote'] };
    expect(changesNothing(r, ['keynote', 'ws-a'])).toBe(true);
    expect(changesNothing(r, ['ws-a'])).toBe(false);
    expect(changesNothing(r, ['ws-a', 'keynote', 'ws-b'])).toBe(false);
    expect(changesNothing({ sessionOrder: [] }, [])).toBe(true);
  });
});
