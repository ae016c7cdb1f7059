import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  calendarDaysIn,
  dayKeyIn,
  dayOffsetAt,
  formatDayForUk,
  formatMomentForUk,
  formatRangeForUk,
  instantToWallClock,
  timezoneNote,
  wallClockToInstant,
} from '../../../shared/domain/wall-clock';
import { offsetMinutesAt } from '../../../shared/domain/zoned-time';

// Convene's zone arithmetic (zoned-time.ts, on Intl) checked against luxon, the date library it
// replaced in the functions' bundles (issue 15): the same answers for the same questions, in zones with
// summer time either side of the equator, half- and quarter-hour offsets, and none.
const ZONES = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];
const zone = fc.constantFrom(...ZONES);
/** 2020 to 2035, to the second. */
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000));
const runs = { numRuns: 2_000, seed: 15 };

const HOUR_MS = 3_600_000;
/** Within three hours of a change of offset, where luxon's answer for a repeated hour depends on today. */
const nearChange = (at: Date, z: string): boolean =>
  offsetMinutesAt(new Date(at.getTime() - 3 * HOUR_MS), z) !==
  offsetMinutesAt(new Date(at.getTime() + 3 * HOUR_MS), z);

describe('zone arithmetic without a date library, as luxon gave it', () => {
  it('reads the wall clock of an instant', () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        const local = DateTime.fromJSDate(at, { zone: z });
        const expected = local.toFormat(local.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
        expect(instantToWallClock(at, z)).toBe(expected);
        expect(dayKeyIn(at, z)).toBe(local.toISODate());
      }),
      runs,
    );
  });

  it('finds the instant of a wall clock, and refuses the ones the clocks skip', () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        const wall = DateTime.fromJSDate(at, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");
        const local = DateTime.fromISO(wall, { zone: z });
        const ours = wallClockToInstant(wall, z, 'at');
        if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== wall) expect(ours.ok).toBe(false);
        else if (!nearChange(local.toJSDate(), z))
          expect(ours).toEqual({ ok: true, instant: local.toJSDate() });
      }),
      runs,
    );
  });

  it('writes days, moments and ranges for a UK reader', () => {
    fc.assert(
      fc.property(instant, instant, zone, (a, b, z) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const s = DateTime.fromJSDate(start, { zone: z }).setLocale('en-GB');
        const e = DateTime.fromJSDate(end, { zone: z }).setLocale('en-GB');
        expect(formatDayForUk(start, z)).toBe(s.toFormat('cccc d LLLL yyyy'));
        expect(formatDayForUk(start, z, false)).toBe(s.toFormat('cccc d LLLL'));
        expect(formatMomentForUk(start, z)).toBe(s.toFormat("cccc d LLLL yyyy 'at' HH:mm"));
        expect(formatRangeForUk(start, end, z)).toBe(
          s.hasSame(e, 'day')
            ? `${s.toFormat('cccc d LLLL yyyy')}, ${s.toFormat('HH:mm')} to ${e.toFormat('HH:mm')}`
            : `${s.toFormat('cccc d LLLL yyyy, HH:mm')} to ${e.toFormat('cccc d LLLL yyyy, HH:mm')}`,
        );
        expect(calendarDaysIn(start, end, z)).toBe(
          Math.round(e.startOf('day').diff(s.startOf('day'), 'days').days),
        );
      }),
      runs,
    );
  });

  it('counts calendar days in the zone and lands the time of day across clock changes', () => {
    fc.assert(
      fc.property(instant, zone, fc.integer({ min: -60, max: 60 }), (at, z, days) => {
        const expected = DateTime.fromJSDate(at, { zone: z })
          .startOf('day')
          .plus({ days })
          .set({ hour: 9, minute: 30, second: 0, millisecond: 0 });
        if (nearChange(expected.toJSDate(), z)) return;
        expect(dayOffsetAt(at, z, days, '09:30')).toEqual(expected.toJSDate());
      }),
      runs,
    );
  });

  it('says when an event’s times are not UK clock times', () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        const differs =
          DateTime.fromJSDate(at, { zone: z }).offset !==
          DateTime.fromJSDate(at, { zone: 'Europe/London' }).offset;
        expect(timezoneNote(z, at)).toBe(differs ? `Times are local to the event (${z}).` : null);
      }),
      runs,
    );
  });

  it('takes the first of a repeated hour, and moves a skipped one on by the gap', () => {
    // London's clocks go back at 02:00 BST on 31 October 2027: 01:30 happens at 00:30Z and at 01:30Z.
    expect(wallClockToInstant('2027-10-31T01:30', 'Europe/London', 'at')).toEqual({
      ok: true,
      instant: new Date('2027-10-31T00:30:00Z'),
    });
    // They go forward at 01:00 GMT on 28 March 2027: a reminder set for 01:30 that day goes at 02:30 BST.
    expect(dayOffsetAt(new Date('2027-03-29T12:00:00Z'), 'Europe/London', -1, '01:30')).toEqual(
      new Date('2027-03-28T01:30:00Z'),
    );
  });
});
