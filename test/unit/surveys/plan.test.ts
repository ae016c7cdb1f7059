import { describe, expect, it } from '@jest/globals';
import type { SurveyPlan } from '../../../shared/domain/conference';
import {
  currentSurveyStep,
  splitSurveyPlan,
  surveyClosesAt,
  surveyPlan,
  surveyTimeProblems,
  surveyTimes,
  type SurveyPlannedEvent,
} from '../../../shared/domain/surveys/plan';

const EVENT_ID = 'evt_01jq8m3k2v7c9d0e1f2g3h4j5k';
const questions: SurveyPlan['questions'] = [{ id: 'overall', kind: 'rating', prompt: 'Overall?' }];

/** Thursday 1 April 2027, ends 16:30 London (BST, 15:30Z). */
const anEvent = (overrides: Partial<SurveyPlannedEvent> = {}): SurveyPlannedEvent => ({
  eventId: EVENT_ID,
  status: 'published',
  timezone: 'Europe/London',
  endsAt: '2027-04-01T15:30:00.000Z',
  survey: { daysAfter: 1, at: '09:00', questions, reminder: { daysAfter: 5, at: '12:00' } },
  ...overrides,
});

describe('the survey plan', () => {
  it('invites daysAfter the last day at `at` in the zone, and closes 14 days on by default', () => {
    const times = surveyTimes(
      { daysAfter: 1, at: '09:00' },
      new Date('2027-04-01T15:30:00Z'),
      'Europe/London',
    );
    expect(times.invitation.toISOString()).toBe('2027-04-02T08:00:00.000Z');
    expect(times.closesAt.toISOString()).toBe('2027-04-16T08:00:00.000Z');
    expect(times.reminder).toBeUndefined();
  });

  it('keeps wall-clock times across a clock change, and honours closesAfterDays', () => {
    // Friday 26 March 2027 ends in GMT; the clocks go forward on Sunday 28 March.
    const times = surveyTimes(
      { daysAfter: 3, at: '09:00', closesAfterDays: 2 },
      new Date('2027-03-26T16:00:00Z'),
      'Europe/London',
    );
    expect(times.invitation.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(times.closesAt.toISOString()).toBe('2027-03-31T08:00:00.000Z');
  });

  it('refuses an invitation before the event ends and a reminder outside the open window', () => {
    const ends = new Date('2027-04-01T15:30:00Z');
    expect(surveyTimeProblems({ daysAfter: 0, at: '09:00', questions }, ends, 'Europe/London')).toEqual([
      expect.objectContaining({ path: 'survey.at' }),
    ]);
    expect(surveyTimeProblems({ daysAfter: 0, at: '17:00', questions }, ends, 'Europe/London')).toEqual([]);
    const early = { daysAfter: 2, at: '09:00', questions, reminder: { daysAfter: 1, at: '09:00' } };
    expect(surveyTimeProblems(early, ends, 'Europe/London')).toEqual([
      expect.objectContaining({ path: 'survey.reminder' }),
    ]);
    const late = {
      daysAfter: 1,
      at: '09:00',
      questions,
      closesAfterDays: 3,
      reminder: { daysAfter: 4, at: '09:00' },
    };
    expect(surveyTimeProblems(late, ends, 'Europe/London')).toEqual([
      expect.objectContaining({ path: 'survey.reminder' }),
    ]);
  });

  it('names one schedule per mail from ids only', () => {
    expect(surveyPlan(anEvent())).toEqual([
      { step: 'invitation', dueAt: '2027-04-02T08:00:00.000Z', scheduleName: `srv-${EVENT_ID}-invitation` },
      { step: 'reminder', dueAt: '2027-04-06T11:00:00.000Z', scheduleName: `srv-${EVENT_ID}-reminder` },
    ]);
    const { survey: _none, ...withoutSurvey } = anEvent();
    expect(surveyPlan(withoutSurvey)).toEqual([]);
    expect(surveyClosesAt(withoutSurvey)).toBeUndefined();
  });

  it('schedules only for a published event, and never a mail whose time has passed', () => {
    expect(splitSurveyPlan(anEvent({ status: 'draft' }), new Date('2026-11-22T00:00:00Z'))).toEqual({
      scheduled: [],
      skipped: [],
    });
    const split = splitSurveyPlan(anEvent(), new Date('2027-04-03T00:00:00Z'));
    expect(split.scheduled.map((s) => s.step)).toEqual(['reminder']);
    expect(split.skipped.map((s) => s.step)).toEqual(['invitation']);
  });

  it('finds the step a Survey Due names only at the instant the plan still has', () => {
    const event = anEvent();
    expect(currentSurveyStep(event, 'invitation', '2027-04-02T08:00:00.000Z')?.step).toBe('invitation');
    expect(currentSurveyStep(event, 'invitation', '2027-04-03T08:00:00.000Z')).toBeUndefined();
    expect(
      currentSurveyStep(anEvent({ status: 'cancelled' }), 'invitation', '2027-04-02T08:00:00.000Z'),
    ).toBeUndefined();
    const noReminder = anEvent({ survey: { daysAfter: 1, at: '09:00', questions } });
    expect(currentSurveyStep(noReminder, 'reminder', '2027-04-06T11:00:00.000Z')).toBeUndefined();
  });
});
