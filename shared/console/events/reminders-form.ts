import type { ReminderStep } from '../../domain/conference';
import type { FieldProblem } from '../../domain/errors';
import { type FieldRule, numberMessage, textMessage, wholeNumberOf } from './field-rules';
import { timeOfDayOf } from './time-fields';
import { rowName } from './row-names';

/** One reminder of the plan as typed: days before the event's first day, the time, its own words. */
export interface ReminderRow {
  readonly daysBefore: string;
  readonly at: string;
  readonly subject: string;
  readonly text: string;
  readonly remove: boolean;
}

export const BLANK_REMINDER_ROWS = 2;

const blankRow: ReminderRow = { daysBefore: '', at: '', subject: '', text: '', remove: false };

export const reminderRowsOf = (
  steps: readonly ReminderStep[],
  blankRows = BLANK_REMINDER_ROWS,
): ReminderRow[] => [
  ...steps.map((s) => ({
    daysBefore: String(s.daysBefore),
    at: s.at,
    subject: s.subject ?? '',
    text: s.text ?? '',
    remove: false,
  })),
  ...Array.from({ length: blankRows }, () => blankRow),
];

const ROW_FIELD = /^reminder-(\d+)-/;

export const readReminderRows = (fields: Readonly<Record<string, string>>): ReminderRow[] =>
  [...new Set(Object.keys(fields).flatMap((name) => ROW_FIELD.exec(name)?.[1] ?? []))]
    .sort((a, b) => Number(a) - Number(b))
    .map((r) => {
      const field = (name: string) => fields[`reminder-${r}-${name}`] ?? '';
      return {
        daysBefore: field('daysBefore'),
        at: field('at'),
        subject: field('subject'),
        text: field('text'),
        remove: field('remove') !== '',
      };
    });

const isBlank = (row: ReminderRow): boolean =>
  `${row.daysBefore}${row.at}${row.subject}${row.text}`.trim() === '';

/**
 * The `reminders` list PATCH /events/{id} takes: removed and blank rows left out, blank subject and
 * text left out (the mail's own words are used). `rowOf[n]` is the row that sent `reminders[n]`.
 */
export const remindersRequest = (rows: readonly ReminderRow[]): { reminders: unknown[]; rowOf: number[] } => {
  const rowOf: number[] = [];
  const reminders = rows.flatMap((row, r) => {
    if (row.remove || isBlank(row)) return [];
    rowOf.push(r);
    return [
      {
        daysBefore: wholeNumberOf(row.daysBefore),
        at: timeOfDayOf(row.at) ?? row.at.trim(),
        ...(row.subject.trim() === '' ? {} : { subject: row.subject }),
        ...(row.text.trim() === '' ? {} : { text: row.text }),
      },
    ];
  });
  return { reminders, rowOf };
};

export const reminderFieldId = (row: number, field: 'daysBefore' | 'at' | 'subject' | 'text') =>
  `reminder-${row}-${field}`;

/**
 * A problem on a whole step (two steps at the same day and time: the domain keys steps by both) named
 * as one of its own, so it is not taken for a problem with every field of the row.
 */
export const reminderProblems = (problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((p) => (/^reminders\.\d+$/.test(p.path) ? { ...p, path: `${p.path}.when` } : p));

/**
 * What to say about each reminder that was sent, in row order (problems as `reminderProblems` names them),
 * each naming its reminder as the form does (`rowName`).
 */
export const reminderRules = (rows: readonly ReminderRow[], rowOf: readonly number[]): FieldRule[] =>
  rowOf.flatMap((r, n) => {
    const row = rows[r]!;
    const path = `reminders.${n}`;
    const { heading, mention: reminder } = rowName('Reminder', r);
    // The row sent earlier at the same day and time, read as the request reads them: the one it clashes with.
    const whenOf = (other: ReminderRow) =>
      `${wholeNumberOf(other.daysBefore)}@${timeOfDayOf(other.at) ?? other.at.trim()}`;
    const same = rowOf.find((other) => other < r && whenOf(rows[other]!) === whenOf(row));
    return [
      {
        path: `${path}.daysBefore`,
        id: reminderFieldId(r, 'daysBefore'),
        say: () =>
          numberMessage(row.daysBefore, {
            blank: `Enter how many days before the event ${reminder} goes`,
            notWhole: `Enter the days before the event for ${reminder} as a whole number, like 7`,
            range: `Enter a number of days from 0 to 365 for ${reminder}`,
          }),
      },
      {
        path: `${path}.at`,
        id: reminderFieldId(r, 'at'),
        say: () =>
          row.at.trim() === ''
            ? `Enter the time ${reminder} goes`
            : `Enter the time ${reminder} goes using the 24-hour clock, like 09:00`,
      },
      {
        path: `${path}.subject`,
        id: reminderFieldId(r, 'subject'),
        say: () => textMessage(row.subject, '', `The subject of ${reminder}`, 200),
      },
      {
        path: `${path}.text`,
        id: reminderFieldId(r, 'text'),
        say: () => textMessage(row.text, '', `The message of ${reminder}`, 5000),
      },
      {
        path: `${path}.when`,
        id: reminderFieldId(r, 'daysBefore'),
        say: () =>
          `${heading} goes at the same time as ${same === undefined ? 'another' : rowName('Reminder', same).mention}: ` +
          'change or remove one of them',
      },
    ];
  });
