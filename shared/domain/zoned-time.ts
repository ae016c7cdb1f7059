import { DAY_MS, MINUTE_MS } from './durations';
/**
 * Calendar and clock arithmetic in an IANA zone on the runtime's own time zone data (Intl), for the few
 * things Convene does with zones: read an instant's wall clock there, find the instant of a wall clock,
 * and write dates as a UK reader expects. A date library did this before at 70 KB of most functions'
 * bundles (issue 15); the arithmetic below is all of what Convene asked of it.
 */

/** A wall-clock reading: month 1-12, hour 0-23. */
export interface WallParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (making one is the slow part), numeric, on a 24-hour clock. */
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/** Whether the runtime knows `zone` as an IANA time zone (`Europe/London`, `UTC`). */
export const isKnownZone = (zone: string): boolean => {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
};

/** The wall clock in `zone` at `instant` (to the second). */
export const wallPartsAt = (instant: Date, zone: string): WallParts => {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(zone).formatToParts(instant)) parts[type] = Number(value);
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
};

/** The milliseconds a wall clock would be in UTC: what zone arithmetic starts from. */
export const wallMs = (p: WallParts): number => {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(p.hour, p.minute, p.second, 0);
  return date.getTime();
};

/** The wall clock of UTC milliseconds as given by `wallMs`. */
export const wallPartsOfMs = (ms: number): WallParts => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

/** `zone`'s offset from UTC at `instant`, in minutes (Europe/London in summer: 60). */
export const offsetMinutesAt = (instant: Date, zone: string): number => {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return (wallMs(wallPartsAt(new Date(whole), zone)) - whole) / MINUTE_MS;
};

/**
 * The instant a wall clock denotes in `zone`. Where the clocks go back and it happens twice, the first;
 * where they go forward and it never happens, it is moved on by the gap (01:30 on the spring change in
 * London is 02:30 BST), as a person setting a clock would. Callers that must refuse a time that does not
 * exist compare its wall clock back (wall-clock.ts).
 */
export const instantOfWall = (wall: WallParts, zone: string): Date => {
  const local = wallMs(wall);
  const before = offsetMinutesAt(new Date(local - DAY_MS), zone);
  const after = offsetMinutesAt(new Date(local + DAY_MS), zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((ms) => wallMs(wallPartsAt(new Date(ms), zone)) === local)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? local - before * MINUTE_MS);
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2027-04-01` */
export const isoDate = (p: WallParts): string => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;

/** `09:00` */
export const hoursMinutes = (p: WallParts): string => `${pad(p.hour)}:${pad(p.minute)}`;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Thursday 1 April 2027" (or "Thursday 1 April" without the year), as GOV.UK writes dates. */
export const ukDay = (p: WallParts, withYear = true): string => {
  const weekday = WEEKDAYS[new Date(wallMs({ ...p, hour: 12, minute: 0, second: 0 })).getUTCDay()];
  return `${weekday} ${p.day} ${MONTHS[p.month - 1]}${withYear ? ` ${p.year}` : ''}`;
};

/** Whole calendar days from one wall-clock day to another (the times of day are ignored). */
export const calendarDaysBetween = (from: WallParts, to: WallParts): number =>
  Math.round(
    (wallMs({ ...to, hour: 0, minute: 0, second: 0 }) - wallMs({ ...from, hour: 0, minute: 0, second: 0 })) /
      DAY_MS,
  );
