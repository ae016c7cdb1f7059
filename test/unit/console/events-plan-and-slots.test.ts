import { describe, expect, it } from '@jest/globals';
import { parallelSlots } from '../../../shared/domain/conference/slots';
import { reminderDates } from '../../../shared/domain/reminders/dates';

describe('reminder dates, as the preview shows them', () => {
  const event = {
    eventId: 'evt_1',
    status: 'draft' as const,
    timezone: 'Europe/London',
    // Thursday 1 April 2027, 09:00 in London (BST).
    startsAt: '2027-04-01T08:00:00.000Z',
    reminders: [
      { daysBefore: 1, at: '16:00' },
      { daysBefore: 7, at: '09:00', subject: 'One week to go' },
    ],
  };

  it('gives each step its day in the event zone, soonest first, across a clock change', () => {
    const dates = reminderDates(event, new Date('2027-03-01T00:00:00Z'));

    // 25 March is still GMT (the clocks go forward on the 28th): 09:00 there is 09:00 UTC.
    expect(dates).toEqual([
      {
        daysBefore: 7,
        at: '09:00',
        subject: 'One week to go',
        dueAt: '2027-03-25T09:00:00.000Z',
        passed: false,
      },
      { daysBefore: 1, at: '16:00', dueAt: '2027-03-31T15:00:00.000Z', passed: false },
    ]);
  });

  it('marks a step whose time has passed: it is never sent late', () => {
    const dates = reminderDates(event, new Date('2027-03-28T00:00:00Z'));

    expect(dates.map((d) => d.passed)).toEqual([true, false]);
  });
});

describe('parallel slots', () => {
  const s = (id: string, from: string, to: string) => ({
    id,
    startsAtUtc: `2027-04-01T${from}:00.000Z`,
    endsAtUtc: `2027-04-01T${to}:00.000Z`,
  });

  it('puts sessions that overlap in one slot, in time order', () => {
    const slots = parallelSlots([
      s('ws-b', '11:00', '12:00'),
      s('keynote', '09:30', '10:30'),
      s('ws-a', '11:00', '12:00'),
      s('ws-late', '11:30', '12:30'),
      s('lunch', '12:30', '13:30'),
    ]);

    expect(slots.map((slot) => slot.map((x) => x.id))).toEqual([
      ['keynote'],
      ['ws-b', 'ws-a', 'ws-late'],
      ['lunch'],
    ]);
  });
});
