import { DAY_MS } from './durations';
import {
  calendarDaysBetween,
  hoursMinutes,
  instantOfWall,
  isKnownZone,
  isoDate,
  offsetMinutesAt,
  ukDay,
  wallMs,
  wallPartsAt,
  wallPartsOfMs,
  type WallParts,
} from './zoned-time';
import type { FieldProblem } from './errors';

/** A wall-clock time as organisers write it: `2027-04-01T09:00` (seconds optional), no offset. */
export const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A time of day: `09:00`. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isValidZone = (zone: string): boolean => isKnownZone(zone);

/** A wall-clock time's parts, or undefined when it is not one or names no real date (30 February). */
const wallPartsOf = (wallClock: string): WallParts | undefined => {
  if (!WALL_CLOCK.test(wallClock)) return undefined;
  const [year, month, day, hour, minute, second] = wallClock.split(/[-T:]/).map(Number);
  const parts = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 };
  const real = wallPartsOfMs(wallMs(parts));
  return Object.entries(parts).every(([key, value]) => real[key as keyof WallParts] === value)
    ? parts
    : undefined;
};

/** `2027-04-01T09:00`, with `:ss` when asked for or when the seconds are not zero. */
const wallClockText = (p: WallParts, withSeconds = p.second !== 0): string =>
  `${isoDate(p)}T${hoursMinutes(p)}${withSeconds ? `:${String(p.second).padStart(2, '0')}` : ''}`;

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
  const wall = wallPartsOf(wallClock);
  if (!wall) return { ok: false, problem: { path, message: `Not a real date and time: ${wallClock}` } };
  const instant = instantOfWall(wall, zone);
  if (wallClockText(wallPartsAt(instant, zone), wallClock.length > 16) !== wallClock) {
    return {
      ok: false,
      problem: { path, message: `${wallClock} does not exist in ${zone} (the clocks go forward then)` },
    };
  }
  return { ok: true, instant };
};

/** The wall-clock time (minutes precision, seconds when not zero) of an instant in `zone`. */
export const instantToWallClock = (instant: Date | string, zone: string): string =>
  wallClockText(wallPartsAt(typeof instant === 'string' ? new Date(instant) : instant, zone));

/**
 * The instant of `timeOfDay` on the calendar day `days` away from `instant`'s day in `zone`
 * ("7 days before at 09:00"): calendar arithmetic in the zone, so clock changes land right.
 */
export const dayOffsetAt = (instant: Date, zone: string, days: number, timeOfDay: string): Date => {
  const [hour, minute] = timeOfDay.split(':').map(Number);
  const day = wallPartsOfMs(
    wallMs({ ...wallPartsAt(instant, zone), hour: 0, minute: 0, second: 0 }) + days * DAY_MS,
  );
  return instantOfWall({ ...day, hour: hour ?? 0, minute: minute ?? 0, second: 0 }, zone);
};

/** "Thursday 1 April 2027" (or without the year) for a UK reader: the day `at` falls on in `zone`. */
export const formatDayForUk = (at: Date, zone: string, withYear = true): string =>
  ukDay(wallPartsAt(at, zone), withYear);

/** "09:00": the time of day `at` is in `zone`. */
export const formatTimeOfDay = (at: Date, zone: string): string => hoursMinutes(wallPartsAt(at, zone));

/** The calendar day `at` falls on in `zone`: `2027-04-01`. */
export const dayKeyIn = (at: Date, zone: string): string => isoDate(wallPartsAt(at, zone));

/** Calendar days in `zone` from the day of `from` to the day of `to` (0 on the same day). */
export const calendarDaysIn = (from: Date, to: Date, zone: string): number =>
  calendarDaysBetween(wallPartsAt(from, zone), wallPartsAt(to, zone));

/** "Thursday 1 April 2027, 09:00 to 16:30" for a UK reader, in the event's zone. */
export const formatRangeForUk = (start: Date, end: Date, zone: string): string => {
  const s = wallPartsAt(start, zone);
  const e = wallPartsAt(end, zone);
  return isoDate(s) === isoDate(e)
    ? `${ukDay(s)}, ${hoursMinutes(s)} to ${hoursMinutes(e)}`
    : `${ukDay(s)}, ${hoursMinutes(s)} to ${ukDay(e)}, ${hoursMinutes(e)}`;
};

/** "Thursday 18 February 2027 at 09:00" for a UK reader, in the event's zone: one moment, such as a close. */
export const formatMomentForUk = (at: Date, zone: string): string => {
  const p = wallPartsAt(at, zone);
  return `${ukDay(p)} at ${hoursMinutes(p)}`;
};

/** Times that differ from UK clocks get a note naming the zone, so "09:00" is not read as UK time. */
export const timezoneNote = (zone: string, at: Date): string | null =>
  offsetMinutesAt(at, zone) === offsetMinutesAt(at, 'Europe/London')
    ? null
    : `Times are local to the event (${zone}).`;

/** A wall-clock time as UTC milliseconds, for arithmetic on the calendar alone; NaN when it is not one. */
const naive = (wallClock: string): number => {
  const parts = wallPartsOf(wallClock);
  return parts ? wallMs(parts) : Number.NaN;
};

/** Whole calendar days from one wall-clock time to another; undefined when the times of day differ. */
export const wholeDaysBetween = (from: string, to: string): number | undefined => {
  const days = (naive(to) - naive(from)) / DAY_MS;
  return Number.isInteger(days) ? days : undefined;
};

/** The same wall-clock time `days` calendar days later (earlier when negative). */
export const shiftWallClock = (wallClock: string, days: number): string =>
  wallClockText(wallPartsOfMs(naive(wallClock) + days * DAY_MS));

/** Orders wall-clock times written with or without seconds. */
export const compareWallClock = (a: string, b: string): number => naive(a) - naive(b);

/**
 * A time an organiser gives for something of the event's (a post, a campaign): wall-clock in the
 * event's zone (`2027-01-07T09:00`) or an instant with its offset (`2027-01-07T09:00:00Z`).
 */
export const eventTimeToInstant = (value: string, zone: string, path: string): Converted =>
  WALL_CLOCK.test(value) ? wallClockToInstant(value, zone, path) : { ok: true, instant: new Date(value) };
