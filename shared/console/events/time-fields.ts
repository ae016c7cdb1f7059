/**
 * The console's date and time fields (GOV.UK's date input, and a time typed as people write it) and
 * the wall-clock strings the event API takes (`2027-04-01T09:00`, `09:00`). What a person typed is
 * kept as typed, so a form refused shows it again; only a value that reads cleanly is rewritten.
 */

/** A GOV.UK date input's three boxes, as typed. */
export interface DateFields {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const blankDate: DateFields = { day: '', month: '', year: '' };

const TWELVE_HOUR = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$/;
const TWENTY_FOUR_HOUR = /^(\d{1,2})[:.](\d{2})$|^(\d{2})(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A time of day as `HH:MM`, from what people type: `9:30`, `09.30`, `0930`, `9:30am`, `2pm`.
 * Undefined when it is not a time.
 */
export const timeOfDayOf = (typed: string): string | undefined => {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    return `${pad((hour % 12) + (twelve[3] === 'p' ? 12 : 0))}:${pad(minute)}`;
  }
  const plain = TWENTY_FOUR_HOUR.exec(text);
  if (!plain) return undefined;
  const hour = Number(plain[1] ?? plain[3]);
  const minute = Number(plain[2] ?? plain[4]);
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : undefined;
};

/** What is wrong with a date as typed, in GOV.UK's words for a date input; undefined when it is a real date. */
export const dateProblem = (date: DateFields, name: string): string | undefined => {
  const parts = { day: date.day.trim(), month: date.month.trim(), year: date.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '');
  if (missing.length === 3) return `Enter ${name}`;
  if (missing.length > 0) return `${capitalise(name)} must include a ${missing.join(' and ')}`;
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return `${capitalise(name)} must be a real date`;
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const real = new Date(Date.UTC(year, month - 1, day));
  if (real.getUTCFullYear() !== year || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day)
    return `${capitalise(name)} must be a real date`;
  return undefined;
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `2027-04-01` from a real date as typed; undefined when it is not one. */
export const isoDateOf = (date: DateFields): string | undefined =>
  dateProblem(date, 'the date') === undefined
    ? `${date.year.trim()}-${pad(Number(date.month))}-${pad(Number(date.day))}`
    : undefined;

/**
 * The wall-clock time the API takes, from a date (`2027-04-01`) and a time as typed. Where either does
 * not read, the time as typed is passed on, so the API's own check refuses it and the page says why.
 */
export const wallClockOf = (isoDate: string | undefined, typedTime: string): string =>
  `${isoDate ?? ''}T${timeOfDayOf(typedTime) ?? typedTime.trim()}`;

/** A stored wall-clock time back in the boxes a person edits: `2027-04-01T09:00` gives 1, 4, 2027 and 09:00. */
export const fieldsOfWallClock = (wallClock: string): { date: DateFields; time: string } => ({
  date: {
    day: String(Number(wallClock.slice(8, 10))),
    month: String(Number(wallClock.slice(5, 7))),
    year: wallClock.slice(0, 4),
  },
  time: wallClock.slice(11, 16),
});
