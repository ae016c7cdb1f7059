import { describe, expect, it } from '@jest/globals';
import { eventTimeProblem, schedulable, scheduledTimeProblem } from '../../../shared/domain/limits/bounds';

const now = new Date('2026-12-01T05:00:00Z');

describe('event times', () => {
  it('are between a year ago and five years ahead, and the 400 says so in words', () => {
    expect(eventTimeProblem(new Date('2025-12-02T00:00:00Z'), now, 'startsAt')).toBeUndefined();
    expect(eventTimeProblem(new Date('2031-11-30T00:00:00Z'), now, 'endsAt')).toBeUndefined();
    expect(eventTimeProblem(new Date('9999-12-31T09:00:00Z'), now, 'startsAt')).toEqual({
      path: 'startsAt',
      message: 'Must be between 1 December 2025 and 1 December 2031 (from a year ago to 5 years ahead)',
    });
    expect(eventTimeProblem(new Date('2025-11-30T00:00:00Z'), now, 'startsAt')).toBeDefined();
    expect(eventTimeProblem(new Date(Number.NaN), now, 'startsAt')).toBeDefined();
  });
});

describe('scheduled times', () => {
  const endsAt = new Date('2027-03-04T16:30:00Z');
  it('are after now and at most a year after the event ends', () => {
    expect(scheduledTimeProblem(new Date('2027-03-01T09:00:00Z'), now, endsAt, 'publishAt')).toBeUndefined();
    expect(scheduledTimeProblem(new Date('2028-03-03T09:00:00Z'), now, endsAt, 'publishAt')).toBeUndefined();
    const far = scheduledTimeProblem(new Date('9999-12-31T23:59:59Z'), now, endsAt, 'publishAt', 'publishAt');
    expect(far?.message).toBe(
      'publishAt (9999-12-31T23:59:59.000Z) must be between now (2026-12-01T05:00:00.000Z) and 3 March 2028, a year after the event ends',
    );
    expect(scheduledTimeProblem(now, now, endsAt, 'publishAt')).toBeDefined();
  });

  it('an event stored before the bounds (year 9999) reaches no further than they allow', () => {
    const legacyEnd = new Date('9999-12-31T16:30:00Z');
    expect(
      scheduledTimeProblem(new Date('9999-12-31T09:00:00Z'), now, legacyEnd, 'offset.minutes'),
    ).toBeDefined();
  });

  it('derived steps out of the Scheduler range are not schedulable', () => {
    expect(schedulable('2027-03-05T09:00:00.000Z', now)).toBe(true);
    expect(schedulable('+010000-01-01T09:00:00.000Z', now)).toBe(false);
    expect(schedulable('9999-12-31T09:00:00.000Z', now)).toBe(false);
  });
});
