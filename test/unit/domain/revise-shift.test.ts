import { describe, expect, it } from '@jest/globals';
import {
  draftConference,
  noticeOf,
  publishConference,
  reviseConference,
  type ConferenceInput,
} from '../../../shared/domain/conference';
import { DomainError } from '../../../shared/domain/errors';

const now = new Date('2026-11-22T12:00:00Z');

const input: ConferenceInput = {
  title: 'North West Conference',
  timezone: 'Europe/London',
  startsAt: '2027-03-25T09:00',
  endsAt: '2027-03-25T16:30',
  venue: { name: 'Manchester Central' },
  capacity: 350,
  sessions: [
    {
      id: 'keynote',
      title: 'Opening keynote',
      kind: 'keynote',
      startsAt: '2027-03-25T09:00',
      endsAt: '2027-03-25T10:00',
    },
    {
      id: 'close',
      title: 'Closing',
      kind: 'keynote',
      startsAt: '2027-03-25T15:30',
      endsAt: '2027-03-25T16:30',
    },
  ],
};

const published = publishConference(draftConference(input, 'evt_1', now), now).next;

const problemOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('moving the whole day', () => {
  it('moves every session by the same whole days, wall-clock across the clocks going forward', () => {
    const { next, changed } = reviseConference(
      published,
      { startsAt: '2027-04-01T09:00', endsAt: '2027-04-01T16:30' },
      now,
    );
    expect(changed).toEqual(['startsAt', 'endsAt', 'sessions']);
    // 25 March is GMT, 1 April BST: the same wall-clock times are an hour earlier in UTC.
    expect(next.sessions.map((s) => [s.id, s.startsAt, s.endsAt])).toEqual([
      ['keynote', '2027-04-01T08:00:00.000Z', '2027-04-01T09:00:00.000Z'],
      ['close', '2027-04-01T14:30:00.000Z', '2027-04-01T15:30:00.000Z'],
    ]);
  });

  it('keeps the sessions the patch gives', () => {
    const { next } = reviseConference(
      published,
      {
        startsAt: '2027-04-01T09:00',
        endsAt: '2027-04-01T16:30',
        sessions: [
          {
            id: 'keynote',
            title: 'Opening keynote',
            kind: 'keynote',
            startsAt: '2027-04-01T10:00',
            endsAt: '2027-04-01T11:00',
          },
        ],
      },
      now,
    );
    expect(next.sessions.map((s) => s.startsAt)).toEqual(['2027-04-01T09:00:00.000Z']);
  });

  it('takes a longer day as it is: every session still falls inside it', () => {
    const { next, changed } = reviseConference(published, { endsAt: '2027-03-25T17:30' }, now);
    expect(changed).toEqual(['endsAt']);
    expect(next.sessions).toEqual(published.sessions);
  });

  it('names each field to send when the sessions cannot follow', () => {
    const error = problemOf(() =>
      reviseConference(published, { startsAt: '2027-03-25T10:00', endsAt: '2027-03-25T16:00' }, now),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.details.map((d) => d.path)).toEqual([
      'sessions',
      'sessions.0.startsAt',
      'sessions.1.endsAt',
    ]);
    expect(error.details[0]?.message).toMatch(/not a whole number of days/);
    expect(error.details[1]?.message).toMatch(/Opening keynote/);
  });

  it('refuses a day moved by different whole days when sessions would fall outside it', () => {
    const error = problemOf(() =>
      reviseConference(published, { startsAt: '2027-03-26T09:00', endsAt: '2027-03-27T16:30' }, now),
    );
    expect(error.details[0]).toEqual({
      path: 'sessions',
      message: expect.stringMatching(/startsAt moved by 1 day and endsAt by 2 days/),
    });
  });
});

describe('what delegates are told', () => {
  it('lists the day, the venue and each moved session, and nothing for reminders or the title', () => {
    const { next } = reviseConference(
      published,
      {
        startsAt: '2027-04-01T09:00',
        endsAt: '2027-04-01T16:30',
        venue: { name: 'Bolton' },
        title: 'NW day',
      },
      now,
    );
    expect(noticeOf(published, next).map((c) => (c.what === 'session' ? c.sessionId : c.what))).toEqual([
      'times',
      'venue',
      'keynote',
      'close',
    ]);
    const reminders = reviseConference(
      published,
      { reminders: [{ daysBefore: 1, at: '09:00', text: 'Hi' }] },
      now,
    );
    expect(reminders.notice).toEqual([]);
  });
});
