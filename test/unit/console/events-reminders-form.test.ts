import { describe, expect, it } from '@jest/globals';
import { updateEventRequest } from '../../../shared/api/event-schemas';
import { fieldCopyOf } from '../../../shared/console/events/field-rules';
import {
  readReminderRows,
  reminderProblems,
  reminderRowsOf,
  reminderRules,
  remindersRequest,
} from '../../../shared/console/events/reminders-form';
import { pageErrors } from '../../../shared/pages/form-errors';

const posted = {
  'reminder-0-daysBefore': '7',
  'reminder-0-at': '9am',
  'reminder-0-subject': 'One week to go',
  'reminder-0-text': '',
  'reminder-1-daysBefore': '14',
  'reminder-1-at': '09:00',
  'reminder-1-remove': 'yes',
  'reminder-2-daysBefore': '',
  'reminder-2-at': '',
  'reminder-2-subject': '',
  'reminder-2-text': '',
  'reminder-3-daysBefore': '7',
  'reminder-3-at': '09:00',
};

describe('the reminders form', () => {
  it('gives the reminders list PATCH takes: times read as typed, removed and blank rows left out', () => {
    const { reminders, rowOf } = remindersRequest(readReminderRows(posted));

    expect(reminders).toEqual([
      { daysBefore: 7, at: '09:00', subject: 'One week to go' },
      { daysBefore: 7, at: '09:00' },
    ]);
    expect(rowOf).toEqual([0, 3]);
    expect(updateEventRequest.safeParse({ reminders }).success).toBe(true);
  });

  it('names two reminders at the same time on the second, not on every field of its row', () => {
    const rows = readReminderRows(posted);
    const { rowOf } = remindersRequest(rows);
    const problems = reminderProblems([{ path: 'reminders.1', message: 'Duplicate reminder time' }]);

    const errors = pageErrors(problems, fieldCopyOf(reminderRules(rows, rowOf), problems), { id: 'x' });

    expect(errors.summary).toEqual([
      {
        text: 'Reminder 4 goes at the same time as reminder 1: change or remove one of them',
        href: '#reminder-3-daysBefore',
      },
    ]);
  });

  it('names the reminder in each message, so two with the same problem are two lines of the summary', () => {
    const rows = readReminderRows({
      'reminder-0-daysBefore': 'a week',
      'reminder-0-at': '09:00',
      'reminder-1-daysBefore': 'a day',
      'reminder-1-at': '09:00',
    });
    const { rowOf } = remindersRequest(rows);
    const problems = [
      { path: 'reminders.0.daysBefore', message: 'Invalid input' },
      { path: 'reminders.1.daysBefore', message: 'Invalid input' },
    ];

    const errors = pageErrors(problems, fieldCopyOf(reminderRules(rows, rowOf), problems), { id: 'x' });

    expect(errors.summary.map((e) => e.text)).toEqual([
      'Enter the days before the event for reminder 1 as a whole number, like 7',
      'Enter the days before the event for reminder 2 as a whole number, like 7',
    ]);
  });

  it('says how to write days and times', () => {
    const rows = readReminderRows({ 'reminder-0-daysBefore': 'a week', 'reminder-0-at': 'morning' });
    const { rowOf } = remindersRequest(rows);
    const problems = [
      { path: 'reminders.0.daysBefore', message: 'Invalid input' },
      { path: 'reminders.0.at', message: 'Expected a time of day' },
    ];

    expect(
      pageErrors(problems, fieldCopyOf(reminderRules(rows, rowOf), problems), { id: 'x' }).byField,
    ).toEqual({
      'reminder-0-daysBefore': 'Enter the days before the event for reminder 1 as a whole number, like 7',
      'reminder-0-at': 'Enter the time reminder 1 goes using the 24-hour clock, like 09:00',
    });
  });

  it('shows the saved plan with blank rows for more', () => {
    const rows = reminderRowsOf([{ daysBefore: 1, at: '16:00', text: 'Parking is free' }]);

    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      daysBefore: '1',
      at: '16:00',
      subject: '',
      text: 'Parking is free',
      remove: false,
    });
  });
});
