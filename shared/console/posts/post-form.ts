import type { FieldProblem } from '../../domain/errors';
import type { PostOffset } from '../../domain/social/post';
import { MAX_PARTS } from '../../domain/social/post-parts';
import type { ConsoleForm } from '../console-handler';
import { OFFSET_UNITS, offsetFields, type OffsetUnit } from './post-timing';

/** The compose and edit form as typed, kept whole so a refused form comes back as it was sent. */
export interface PostFormValues {
  /** Each part's box, in order, blanks included (a blank part is left out of the post). */
  readonly parts: readonly string[];
  /** `at` (a date and time) or `relative` (before or after the start, the end or a session). */
  readonly when: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  /** `09:30`, in the event's zone. */
  readonly time: string;
  readonly amount: string;
  readonly unit: string;
  readonly direction: string;
  /** `start`, `end` or a session id. */
  readonly from: string;
}

/** How many part boxes a form without JavaScript shows at least: room for a short thread. */
const MIN_BOXES = 3;

export const blankPostForm: PostFormValues = {
  parts: [''],
  when: '',
  day: '',
  month: '',
  year: '',
  time: '',
  amount: '',
  unit: 'minutes',
  direction: 'before',
  from: 'start',
};

/** The form prefilled from a post as the API shows it: its parts, and its offset or its own time. */
export const postFormOf = (post: {
  readonly thread: readonly string[];
  readonly follows: PostOffset | null;
  readonly publishAtLocal: string;
}): PostFormValues => {
  const [date = '', time = ''] = post.publishAtLocal.split('T');
  const [year = '', month = '', day = ''] = date.split('-');
  return {
    ...blankPostForm,
    parts: post.thread,
    ...(post.follows
      ? { when: 'relative', ...offsetFields(post.follows) }
      : {
          when: 'at',
          day: String(Number(day)),
          month: String(Number(month)),
          year,
          time: time.slice(0, 5),
        }),
  };
};

export const readPostForm = ({ fields, all }: ConsoleForm): PostFormValues => {
  const field = (name: string): string => (fields[name] ?? '').trim();
  return {
    parts: all('part').map((p) => p.replace(/\r\n/g, '\n')),
    when: field('when'),
    day: field('publish-date-day'),
    month: field('publish-date-month'),
    year: field('publish-date-year'),
    time: field('publish-time'),
    amount: field('offset-amount'),
    unit: field('offset-unit'),
    direction: field('offset-direction'),
    from: field('offset-from'),
  };
};

/** The boxes to show: what was typed, then blanks, at least one blank and MIN_BOXES in all. */
export const partBoxes = (parts: readonly string[]): string[] => {
  const typed = [...parts];
  while (typed.length > 1 && typed[typed.length - 1]!.trim() === '') typed.pop();
  const boxes = Math.min(MAX_PARTS, Math.max(MIN_BOXES, typed.length + 1));
  return [...typed, ...Array.from({ length: Math.max(0, boxes - typed.length) }, () => '')];
};

/** "9:30", "09.30", "2pm", "2:15 pm" as `HH:mm`; undefined when it is not a time of day. */
export const timeOfDayOf = (typed: string): string | undefined => {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(typed.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (match[2] === undefined && !half) return undefined;
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
};

const dateOf = (values: PostFormValues): string | FieldProblem => {
  const path = 'publishAt.date';
  if (!values.day && !values.month && !values.year) return { path, message: 'Enter the date the post goes' };
  if (!/^\d{1,2}$/.test(values.day) || !/^\d{1,2}$/.test(values.month) || !/^\d{4}$/.test(values.year))
    return { path, message: 'Enter the date as numbers, for example 27 3 2027' };
  const [day, month, year] = [Number(values.day), Number(values.month), Number(values.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { path, message: 'Enter a real date' };
  return `${values.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * The body the JSON API takes (`text` or `thread`, and `publishAt` or `offset`), from the form; blank
 * parts are left out, and `partOf` gives each part's box. Problems the form alone can see (no time
 * chosen, a date that is not one) come back beside it; the API's schema and use-case check the rest.
 */
export const postRequestOf = (
  values: PostFormValues,
): { body: Record<string, unknown>; partOf: number[]; problems: FieldProblem[] } => {
  const partOf = values.parts.flatMap((p, i) => (p.trim() === '' ? [] : [i]));
  const parts = partOf.map((i) => values.parts[i]!);
  const body: Record<string, unknown> = parts.length > 1 ? { thread: parts } : { text: parts[0] ?? '' };
  const problems: FieldProblem[] = [];
  if (values.when === 'at') {
    const date = dateOf(values);
    const time = timeOfDayOf(values.time);
    if (typeof date !== 'string') problems.push(date);
    if (!time) problems.push({ path: 'publishAt.time', message: 'Enter a time' });
    if (typeof date === 'string' && time) body.publishAt = `${date}T${time}`;
  } else if (values.when === 'relative') {
    const amount = /^\d{1,6}$/.test(values.amount) ? Number(values.amount) : undefined;
    if (amount === undefined) problems.push({ path: 'offset.minutes', message: 'Enter a whole number' });
    const unit = Object.hasOwn(OFFSET_UNITS, values.unit)
      ? OFFSET_UNITS[values.unit as OffsetUnit]
      : undefined;
    const sign = values.direction === 'before' ? -1 : values.direction === 'after' ? 1 : undefined;
    if (unit === undefined || sign === undefined)
      problems.push({ path: 'offset.minutes', message: 'Choose minutes, hours or days, before or after' });
    if (!values.from) problems.push({ path: 'offset.from', message: 'Choose what the time counts from' });
    if (amount !== undefined && unit !== undefined && sign !== undefined && values.from)
      // `+ 0` turns "0 minutes before" (-0) into 0.
      body.offset = { from: values.from, minutes: sign * amount * unit + 0 };
  } else {
    problems.push({ path: 'when', message: 'Choose when the post goes' });
  }
  return { body, partOf, problems };
};
