import { describe, expect, it } from '@jest/globals';
import {
  dayOffsetAt,
  formatRangeForUk,
  instantToWallClock,
  wallClockToInstant,
} from '../../../shared/domain/wall-clock';

describe('wall-clock times in an IANA zone', () => {
  it('reads a London summer time as UTC+1 and a winter time as UTC', () => {
    expect(wallClockToInstant('2027-04-01T09:00', 'Europe/London', 'startsAt')).toEqual({
      ok: true,
      instant: new Date('2027-04-01T08:00:00Z'),
    });
    expect(wallClockToInstant('2027-01-14T09:00', 'Europe/London', 'startsAt')).toEqual({
      ok: true,
      instant: new Date('2027-01-14T09:00:00Z'),
    });
  });

  it('refuses a time skipped when the clocks go forward instead of shifting it', () => {
    const result = wallClockToInstant('2027-03-28T01:30', 'Europe/London', 'startsAt');
    expect(result.ok).toBe(false);
  });

  it('refuses offsets and impossible dates', () => {
    expect(wallClockToInstant('2027-04-01T09:00Z', 'Europe/London', 'x').ok).toBe(false);
    expect(wallClockToInstant('2027-02-30T09:00', 'Europe/London', 'x').ok).toBe(false);
  });

  it('gives back the wall-clock time of an instant', () => {
    expect(instantToWallClock('2027-04-01T08:00:00.000Z', 'Europe/London')).toBe('2027-04-01T09:00');
  });

  it('counts days before an event in the calendar of its zone, across the clock change', () => {
    const start = new Date('2027-04-01T08:00:00Z');
    expect(dayOffsetAt(start, 'Europe/London', -7, '09:00').toISOString()).toBe('2027-03-25T09:00:00.000Z');
    expect(dayOffsetAt(start, 'Europe/London', -1, '09:00').toISOString()).toBe('2027-03-31T08:00:00.000Z');
  });

  it('writes a date range for a UK reader', () => {
    expect(
      formatRangeForUk(new Date('2027-04-01T08:00:00Z'), new Date('2027-04-01T15:30:00Z'), 'Europe/London'),
    ).toBe('Thursday 1 April 2027, 09:00 to 16:30');
  });
});
