import { DateTime, IANAZone } from 'luxon';
import type { FieldProblem } from './errors';

/** A wall-clock time as organisers write it: `2027-04-01T09:00` (seconds optional), no offset. */
export const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A time of day: `09:00`. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isValidZone = (zone: string): boolean => IANAZone.isValidZone(zone);

export type Converted = { ok: true; instant: Date } | { ok: false; problem: FieldProblem };

/**
 * The instant a wall-clock time denotes in `zone`. A time that does not exist there (skipped when the
 * clocks go forward) is refused rather than silently shifted, so an organiser never gets a surprise hour.
 */
export const wallClockToInstant = (wallClock: string, zone: string, path: string): Converted => {
  if (!WALL_CLOCK.test(wallClock)) {
    return {
      ok: false,
      problem: { path, message: 'Expected a wall-clock time like 2027-04-01T09:00, without offset' },
    };
  }
  const local = DateTime.fromISO(wallClock, { zone });
  if (!local.isValid)
    return { ok: false, problem: { path, message: `Not a real date and time: ${wallClock}` } };
  const roundTrip = local.toFormat(wallClock.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  if (roundTrip !== wallClock) {
    return {
      ok: false,
      problem: { path, message: `${wallClock} does not exist in ${zone} (the clocks go forward then)` },
    };
  }
  return { ok: true, instant: local.toUTC().toJSDate() };
};

/** The wall-clock time (minutes precision, seconds when not zero) of an instant in `zone`. */
export const instantToWallClock = (instant: Date | string, zone: string): string => {
  const local = DateTime.fromJSDate(typeof instant === 'string' ? new Date(instant) : instant, { zone });
  return local.second === 0 ? local.toFormat("yyyy-MM-dd'T'HH:mm") : local.toFormat("yyyy-MM-dd'T'HH:mm:ss");
};

/**
 * The instant of `timeOfDay` on the calendar day `days` away from `instant`'s day in `zone`
 * ("7 days before at 09:00"): calendar arithmetic in the zone, so clock changes land right.
 */
export const dayOffsetAt = (instant: Date, zone: string, days: number, timeOfDay: string): Date => {
  const [hour, minute] = timeOfDay.split(':').map(Number);
  return DateTime.fromJSDate(instant, { zone })
    .startOf('day')
    .plus({ days })
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 })
    .toUTC()
    .toJSDate();
};

/** "Thursday 1 April 2027, 09:00 to 16:30" for a UK reader, in the event's zone. */
export const formatRangeForUk = (start: Date, end: Date, zone: string): string => {
  const s = DateTime.fromJSDate(start, { zone }).setLocale('en-GB');
  const e = DateTime.fromJSDate(end, { zone }).setLocale('en-GB');
  const sameDay = s.hasSame(e, 'day');
  return sameDay
    ? `${s.toFormat('cccc d LLLL yyyy')}, ${s.toFormat('HH:mm')} to ${e.toFormat('HH:mm')}`
    : `${s.toFormat('cccc d LLLL yyyy, HH:mm')} to ${e.toFormat('cccc d LLLL yyyy, HH:mm')}`;
};

/** "Thursday 18 February 2027 at 09:00" for a UK reader, in the event's zone: one moment, such as a close. */
export const formatMomentForUk = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' HH:mm");

/** Times that differ from UK clocks get a note naming the zone, so "09:00" is not read as UK time. */
export const timezoneNote = (zone: string, at: Date): string | null =>
  DateTime.fromJSDate(at, { zone }).offset === DateTime.fromJSDate(at, { zone: 'Europe/London' }).offset
    ? null
    : `Times are local to the event (${zone}).`;

const naive = (wallClock: string): DateTime => DateTime.fromISO(wallClock, { zone: 'UTC' });

/** Whole calendar days from one wall-clock time to another; undefined when the times of day differ. */
export const wholeDaysBetween = (from: string, to: string): number | undefined => {
  const days = naive(to).diff(naive(from), 'days').days;
  return Number.isInteger(days) ? days : undefined;
};

/** The same wall-clock time `days` calendar days later (earlier when negative). */
export const shiftWallClock = (wallClock: string, days: number): string =>
  instantToWallClock(naive(wallClock).plus({ days }).toJSDate(), 'UTC');

/** Orders wall-clock times written with or without seconds. */
export const compareWallClock = (a: string, b: string): number => naive(a).toMillis() - naive(b).toMillis();

/**
 * A time an organiser gives for something of the event's (a post, a campaign): wall-clock in the
 * event's zone (`2027-01-07T09:00`) or an instant with its offset (`2027-01-07T09:00:00Z`).
 */
export const eventTimeToInstant = (value: string, zone: string, path: string): Converted =>
  WALL_CLOCK.test(value) ? wallClockToInstant(value, zone, path) : { ok: true, instant: new Date(value) };
