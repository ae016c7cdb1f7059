import type { Conference, ConferenceView } from '../../domain/conference';
import { reminderDates } from '../../domain/reminders/dates';
import { formatMomentForUk } from '../../domain/wall-clock';
import { errorOf, type PartForm } from './part-form';
import {
  readReminderRows,
  reminderFieldId,
  reminderProblems,
  reminderRowsOf,
  reminderRules,
  remindersRequest,
  type ReminderRow,
} from './reminders-form';
import { rowName } from './row-names';

const days = (n: number): string => (n === 0 ? 'On the day' : `${n} ${n === 1 ? 'day' : 'days'} before`);

/** When each reminder goes, in the event's zone: the saved plan, or the plan the form would save. */
const datesOf = (
  event: Pick<Conference, 'eventId' | 'status' | 'timezone' | 'startsAt' | 'reminders'>,
  at: Date,
) =>
  reminderDates(event, at).map((r) => ({
    step: `${days(r.daysBefore)}, at ${r.at}`,
    subject: r.subject,
    goes: formatMomentForUk(new Date(r.dueAt), event.timezone),
    passed: r.passed,
  }));

const savedPlan = (view: ConferenceView) => ({
  eventId: view.eventId,
  status: view.status,
  timezone: view.timezone,
  startsAt: view.startsAtUtc,
  reminders: view.reminders,
});

/** The reminder plan: steps set in days before the event, each previewed as the date it goes. */
export const remindersPart: PartForm<readonly ReminderRow[]> = {
  stored: (view) => reminderRowsOf(view.reminders),
  read: readReminderRows,
  request: (rows) => {
    const { reminders, rowOf } = remindersRequest(rows);
    return {
      body: { reminders },
      rules: () => reminderRules(rows, rowOf),
      problems: reminderProblems,
      fallbackId: reminderFieldId(0, 'daysBefore'),
    };
  },
  model: (rows, errors, view, { at, preview }) => ({
    rows: rows.map((row, r) => ({
      legend: rowName('Reminder', r).heading,
      saved: `${row.daysBefore}${row.at}${row.subject}${row.text}`.trim() !== '',
      remove: row.remove,
      daysBefore: { value: row.daysBefore, error: errorOf(errors, reminderFieldId(r, 'daysBefore')) },
      at: { value: row.at, error: errorOf(errors, reminderFieldId(r, 'at')) },
      subject: { value: row.subject, error: errorOf(errors, reminderFieldId(r, 'subject')) },
      text: { value: row.text, error: errorOf(errors, reminderFieldId(r, 'text')) },
    })),
    dates: datesOf(preview ?? savedPlan(view), at),
    previewed: preview !== undefined,
    starts: formatMomentForUk(new Date(preview?.startsAt ?? view.startsAtUtc), view.timezone),
  }),
};
