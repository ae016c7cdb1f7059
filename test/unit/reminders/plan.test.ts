import { describe, expect, it } from '@jest/globals';
import {
  currentStep,
  reminderPlan,
  reminderScheduleName,
  scheduleChanges,
  skippedAtPublish,
  skippedByChange,
  splitReminderPlan,
  type PlannedEvent,
} from '../../../shared/domain/reminders/plan';
import { isTooLate } from '../../../shared/domain/schedules/reconcile';

const EVENT_ID = 'evt_01jq8m3k2v7c9d0e1f2g3h4j5k';

/** Thursday 1 April 2027, 09:00 London (BST, so 08:00Z); the clocks went forward on 28 March. */
const anEvent = (overrides: Partial<PlannedEvent> = {}): PlannedEvent => ({
  eventId: EVENT_ID,
  status: 'published',
  timezone: 'Europe/London',
  startsAt: '2027-04-01T08:00:00.000Z',
  reminders: [
    { daysBefore: 7, at: '09:00', subject: 'One week to go' },
    { daysBefore: 1, at: '09:00' },
  ],
  ...overrides,
});

const NOV_2026 = new Date('2026-11-20T12:00:00Z');

describe('the reminder plan', () => {
  it('puts each step at its time of day in the event zone, right across the UK clock change', () => {
    const plan = reminderPlan(anEvent());

    expect(plan.map((r) => [r.reminderKey, r.dueAt])).toEqual([
      ['7d@09:00', '2027-03-25T09:00:00.000Z'],
      ['1d@09:00', '2027-03-31T08:00:00.000Z'],
    ]);
  });

  it('counts calendar days back across the autumn change too, and in other zones', () => {
    const autumn = anEvent({
      startsAt: '2027-11-04T09:00:00.000Z', // Thursday 4 November, 09:00 GMT
      reminders: [
        { daysBefore: 7, at: '18:30' },
        { daysBefore: 0, at: '07:00' },
      ],
    });
    expect(reminderPlan(autumn).map((r) => r.dueAt)).toEqual([
      '2027-10-28T17:30:00.000Z', // BST until 31 October
      '2027-11-04T07:00:00.000Z',
    ]);
    const newYork = anEvent({
      timezone: 'America/New_York',
      startsAt: '2027-03-18T13:00:00.000Z', // 09:00 EDT; US clocks changed on 14 March
      reminders: [{ daysBefore: 7, at: '09:00' }],
    });
    expect(reminderPlan(newYork)[0]?.dueAt).toBe('2027-03-11T14:00:00.000Z');
  });

  it('names schedules from ids only, within the Scheduler name rules', () => {
    const names = reminderPlan(anEvent({ reminders: [{ daysBefore: 365, at: '23:59' }] })).map(
      (r) => r.scheduleName,
    );
    expect(names).toEqual([`rem-${EVENT_ID}-365d-2359`]);
    expect(names[0]).toMatch(/^[0-9a-zA-Z\-_.]{1,64}$/);
    expect(reminderScheduleName(EVENT_ID, { daysBefore: 7, at: '09:00' })).toBe(`rem-${EVENT_ID}-7d-0900`);
  });

  it('schedules only the steps still ahead, and only for a published event', () => {
    const at = new Date('2027-03-28T12:00:00Z');
    const { scheduled, skipped } = splitReminderPlan(anEvent(), at);
    expect(scheduled.map((r) => r.reminderKey)).toEqual(['1d@09:00']);
    expect(skipped.map((r) => r.reminderKey)).toEqual(['7d@09:00']);
    expect(splitReminderPlan(anEvent({ status: 'draft' }), NOV_2026)).toEqual({ scheduled: [], skipped: [] });
    expect(splitReminderPlan(anEvent({ status: 'cancelled' }), NOV_2026)).toEqual({
      scheduled: [],
      skipped: [],
    });
  });

  it('treats a step due at the very instant of publication as past', () => {
    expect(skippedAtPublish(anEvent(), new Date('2027-03-25T09:00:00Z'))).toEqual([
      { daysBefore: 7, at: '09:00', dueAt: '2027-03-25T09:00:00.000Z' },
    ]);
    expect(skippedAtPublish(anEvent(), new Date('2027-03-25T08:59:59Z'))).toEqual([]);
  });
});

describe('steps skipped by a change', () => {
  const late = new Date('2027-03-28T12:00:00Z');

  it('reports the steps a move puts in the past, and not the unchanged ones already past', () => {
    const before = anEvent(); // at `late` the 7-day step (25 March) has gone, the 1-day one is ahead
    const after = anEvent({ startsAt: '2027-03-29T08:00:00.000Z' }); // Monday 29 March, 09:00 BST

    expect(skippedByChange(before, after, late)).toEqual([
      { daysBefore: 7, at: '09:00', dueAt: '2027-03-22T09:00:00.000Z' },
      { daysBefore: 1, at: '09:00', dueAt: '2027-03-28T08:00:00.000Z' },
    ]);
    expect(skippedByChange(before, before, late)).toEqual([]);
  });

  it('reports a new step whose time has passed', () => {
    const after = anEvent({ reminders: [...anEvent().reminders, { daysBefore: 5, at: '10:00' }] });
    expect(skippedByChange(anEvent(), after, late)).toEqual([
      { daysBefore: 5, at: '10:00', dueAt: '2027-03-27T10:00:00.000Z' }, // still GMT on 27 March,
    ]);
  });

  it('reports nothing for a draft: nothing is scheduled until it is published', () => {
    const draft = anEvent({ status: 'draft' });
    expect(skippedByChange(draft, { ...draft, startsAt: '2027-03-29T08:00:00.000Z' }, late)).toEqual([]);
  });
});

describe('schedule changes', () => {
  const name = (daysBefore: number, at = '09:00') => reminderScheduleName(EVENT_ID, { daysBefore, at });

  it('creates every pending step when nothing is recorded', () => {
    const changes = scheduleChanges(anEvent(), NOV_2026, {});
    expect(changes.upsert.map((r) => [r.scheduleName, r.dueAt])).toEqual([
      [name(7), '2027-03-25T09:00:00.000Z'],
      [name(1), '2027-03-31T08:00:00.000Z'],
    ]);
    expect(changes.remove).toEqual([]);
    expect(changes.record).toEqual({
      [name(7)]: '2027-03-25T09:00:00.000Z',
      [name(1)]: '2027-03-31T08:00:00.000Z',
    });
  });

  it('moves every pending step with the event (same names, new times)', () => {
    const recorded = scheduleChanges(anEvent(), NOV_2026, {}).record;
    const moved = anEvent({ startsAt: '2027-04-08T08:00:00.000Z' });
    const changes = scheduleChanges(moved, NOV_2026, recorded);
    expect(changes.upsert.map((r) => [r.scheduleName, r.dueAt])).toEqual([
      [name(7), '2027-04-01T08:00:00.000Z'],
      [name(1), '2027-04-07T08:00:00.000Z'],
    ]);
    expect(changes.remove).toEqual([]);
  });

  it('deletes the schedule of a removed step', () => {
    const recorded = scheduleChanges(anEvent(), NOV_2026, {}).record;
    const changes = scheduleChanges(
      anEvent({ reminders: [{ daysBefore: 1, at: '09:00' }] }),
      NOV_2026,
      recorded,
    );
    expect(changes.upsert.map((r) => r.scheduleName)).toEqual([name(1)]);
    expect(changes.remove).toEqual([name(7)]);
    expect(Object.keys(changes.record)).toEqual([name(1)]);
  });

  it('deletes them all when the event is cancelled', () => {
    const recorded = scheduleChanges(anEvent(), NOV_2026, {}).record;
    const changes = scheduleChanges(anEvent({ status: 'cancelled' }), NOV_2026, recorded);
    expect(changes.upsert).toEqual([]);
    expect(changes.remove).toEqual([name(1), name(7)].sort());
    expect(changes.record).toEqual({});
  });

  it('leaves a step whose time has come to fire, but deletes one moved into the past', () => {
    const recorded = scheduleChanges(anEvent(), NOV_2026, {}).record;
    const justAfter = new Date('2027-03-25T09:00:01Z');
    const unchanged = scheduleChanges(anEvent(), justAfter, recorded);
    expect(unchanged.remove).toEqual([]);
    expect(unchanged.upsert.map((r) => r.scheduleName)).toEqual([name(1)]);

    const movedEarlier = anEvent({ startsAt: '2027-03-30T08:00:00.000Z' }); // 7-day step now 23 March
    expect(scheduleChanges(movedEarlier, justAfter, recorded).remove).toEqual([name(7)]);
  });

  it('never schedules a step that is past, even with nothing recorded', () => {
    const changes = scheduleChanges(anEvent(), new Date('2027-03-26T00:00:00Z'), {});
    expect(changes.upsert.map((r) => r.scheduleName)).toEqual([name(1)]);
    expect(changes.remove).toEqual([]);
  });
});

describe('a due reminder', () => {
  it('still stands only at the instant the plan has for it', () => {
    expect(currentStep(anEvent(), '7d@09:00', '2027-03-25T09:00:00Z')?.reminderKey).toBe('7d@09:00');
    expect(currentStep(anEvent(), '7d@09:00', '2027-03-25T09:00:00.000Z')).toBeDefined();
    expect(
      currentStep(anEvent({ startsAt: '2027-04-08T08:00:00.000Z' }), '7d@09:00', '2027-03-25T09:00:00.000Z'),
    ).toBeUndefined();
    expect(currentStep(anEvent(), '3d@09:00', '2027-03-29T08:00:00.000Z')).toBeUndefined();
    expect(
      currentStep(anEvent({ status: 'cancelled' }), '7d@09:00', '2027-03-25T09:00:00.000Z'),
    ).toBeUndefined();
  });

  it('is too late hours after its time, not minutes', () => {
    const step = { dueAt: '2027-03-25T09:00:00.000Z' };
    expect(isTooLate(step, new Date('2027-03-25T09:30:00Z'))).toBe(false);
    expect(isTooLate(step, new Date('2027-03-26T09:00:00Z'))).toBe(true);
  });
});
