import { describe, expect, it } from '@jest/globals';
import {
  conferenceView,
  draftConference,
  publishConference,
  reviseConference,
  type ConferenceInput,
} from '../../../shared/domain/conference';
import { DomainError } from '../../../shared/domain/errors';

const now = new Date('2026-11-22T12:00:00Z');

const input = (overrides: Partial<ConferenceInput> = {}): ConferenceInput => ({
  title: 'North West Conference',
  timezone: 'Europe/London',
  startsAt: '2027-04-01T09:00',
  endsAt: '2027-04-01T16:30',
  venue: { name: 'Manchester Central' },
  capacity: 350,
  sessions: [
    { title: 'Opening keynote', kind: 'keynote', startsAt: '2027-04-01T09:30', endsAt: '2027-04-01T10:30' },
    {
      title: 'Curriculum',
      kind: 'workshop',
      startsAt: '2027-04-01T11:00',
      endsAt: '2027-04-01T12:00',
      capacity: 40,
    },
    {
      title: 'Curriculum',
      kind: 'workshop',
      startsAt: '2027-04-01T11:00',
      endsAt: '2027-04-01T12:00',
      capacity: 40,
    },
  ],
  reminders: [{ daysBefore: 7, at: '09:00' }],
  ...overrides,
});

const problemsOf = (fn: () => unknown): { path: string; message: string }[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return [...error.details];
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('drafting a conference', () => {
  it('stores times as UTC instants and gives sessions readable unique ids', () => {
    const c = draftConference(input(), 'evt_1', now);
    expect(c.status).toBe('draft');
    expect(c.startsAt).toBe('2027-04-01T08:00:00.000Z');
    expect(c.sessions.map((s) => s.id)).toEqual(['opening-keynote', 'curriculum', 'curriculum-2']);
  });

  it('collects every problem at once', () => {
    const problems = problemsOf(() =>
      draftConference(
        input({
          endsAt: '2027-04-01T08:00',
          sessions: [
            {
              id: 'a',
              title: 'Early',
              kind: 'keynote',
              startsAt: '2027-04-01T07:00',
              endsAt: '2027-04-01T07:30',
            },
            {
              id: 'a',
              title: 'Big',
              kind: 'workshop',
              startsAt: '2027-04-01T09:00',
              endsAt: '2027-04-01T10:00',
              capacity: 999,
            },
          ],
        }),
        'evt_1',
        now,
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['endsAt', 'sessions.0.startsAt', 'sessions.1.id', 'sessions.1.capacity']),
    );
  });

  it('refuses an unknown time zone and an event in the past', () => {
    expect(problemsOf(() => draftConference(input({ timezone: 'Europe/Atlantis' }), 'e', now))[0]?.path).toBe(
      'timezone',
    );
    expect(
      problemsOf(() =>
        draftConference(
          input({ startsAt: '2026-01-01T09:00', endsAt: '2026-01-01T10:00', sessions: [] }),
          'e',
          now,
        ),
      ).map((p) => p.path),
    ).toContain('startsAt');
  });

  it('needs options on choice questions and only there', () => {
    const problems = problemsOf(() =>
      draftConference(
        input({
          survey: {
            daysAfter: 1,
            at: '09:00',
            questions: [
              { id: 'q1', kind: 'choice', prompt: 'Pick', options: ['only one'] },
              { id: 'q2', kind: 'rating', prompt: 'Rate', options: ['x', 'y'] },
            ],
          },
        }),
        'e',
        now,
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(['survey.questions.0.options', 'survey.questions.1.options']);
  });
});

describe('revising a conference', () => {
  const draft = draftConference(input(), 'evt_1', now);

  it('moves the event and reports that its times changed', () => {
    const { next, changed, timesChanged } = reviseConference(
      draft,
      {
        startsAt: '2027-04-08T09:00',
        endsAt: '2027-04-08T16:30',
        sessions: [
          {
            id: 'opening-keynote',
            title: 'Opening keynote',
            kind: 'keynote',
            startsAt: '2027-04-08T09:30',
            endsAt: '2027-04-08T10:30',
          },
        ],
      },
      now,
    );
    expect(changed).toEqual(['startsAt', 'endsAt', 'sessions']);
    expect(timesChanged).toBe(true);
    expect(next.version).toBe(draft.version + 1);
    expect(next.startsAt).toBe('2027-04-08T08:00:00.000Z');
  });

  it('reports a title change as not moving any time', () => {
    const { changed, timesChanged } = reviseConference(draft, { title: 'Renamed' }, now);
    expect(changed).toEqual(['title']);
    expect(timesChanged).toBe(false);
  });

  it('sees a patch that repeats the stored values as no change', () => {
    expect(reviseConference(draft, { title: draft.title, capacity: 350 }, now).changed).toEqual([]);
  });

  it('refuses to change a cancelled event', () => {
    expect(() => reviseConference({ ...draft, status: 'cancelled' }, { title: 'x' }, now)).toThrow(
      DomainError,
    );
  });
});

describe('revising a survey', () => {
  const questions = [{ id: 'overall', kind: 'rating' as const, prompt: 'Overall?' }];
  const published = {
    ...draftConference(input({ survey: { daysAfter: 1, at: '09:00', questions } }), 'evt_2', now),
    status: 'published' as const,
  };
  // The invitation is due on Friday 2 April 2027 at 09:00 BST.
  const afterInvitation = new Date('2027-04-03T12:00:00Z');

  it('keeps the questions once invitations have gone (409 survey_started)', () => {
    const changed = {
      survey: { daysAfter: 1, at: '09:00', questions: [{ ...questions[0]!, kind: 'nps' as const }] },
    };
    expect(() => reviseConference(published, changed, afterInvitation)).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'survey_started' }),
    );
    expect(reviseConference(published, changed, now).next.survey?.questions[0]?.kind).toBe('nps');
    const sameQuestions = { survey: { daysAfter: 2, at: '10:00', questions, closesAfterDays: 20 } };
    expect(reviseConference(published, sameQuestions, afterInvitation).next.survey?.closesAfterDays).toBe(20);
  });

  it('refuses to put an invitation that has not gone yet in the past', () => {
    const withoutSurvey = { ...draftConference(input(), 'evt_3', now), status: 'published' as const };
    const late = { survey: { daysAfter: 1, at: '09:00', questions } };
    expect(problemsOf(() => reviseConference(withoutSurvey, late, afterInvitation))).toEqual([
      expect.objectContaining({ path: 'survey.at' }),
    ]);
    expect(
      reviseConference(withoutSurvey, { survey: { ...late.survey, daysAfter: 3 } }, afterInvitation).next
        .survey?.daysAfter,
    ).toBe(3);
  });
});

describe('publishing', () => {
  const draft = draftConference(input(), 'evt_1', now);

  it('opens a draft and leaves a published event as it is', () => {
    const first = publishConference(draft, now);
    expect(first).toMatchObject({
      changed: true,
      next: { status: 'published', publishedAt: now.toISOString() },
    });
    expect(publishConference(first.next, now).changed).toBe(false);
  });

  it('refuses an event that has started', () => {
    expect(() => publishConference(draft, new Date('2027-04-01T08:30:00Z'))).toThrow(/already started/);
  });
});

describe('the public view', () => {
  it('gives wall-clock and UTC times and places left, null for uncapped sessions', () => {
    const view = conferenceView(draftConference(input(), 'evt_1', now), {
      event: 10,
      sessions: { curriculum: 40 },
    });
    expect(view).toMatchObject({
      startsAt: '2027-04-01T09:00',
      startsAtUtc: '2027-04-01T08:00:00.000Z',
      placesLeft: 340,
    });
    expect(view.sessions.map((s) => s.placesLeft)).toEqual([null, 0, 40]);
  });
});
