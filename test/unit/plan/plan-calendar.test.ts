import { describe, expect, it } from '@jest/globals';
import { planCalendar, planItemUid, type CalendarPlanItem } from '../../../shared/domain/plan/plan-calendar';
import { readICalendar } from './read-ical';

const EVENT_ID = 'evt_01jq8m3k2v7c9d0e1f2g3h4j5k';
const STAMP = new Date('2027-03-01T12:00:00Z');

const item = (overrides: Partial<CalendarPlanItem> = {}): CalendarPlanItem => ({
  itemId: 'reminder-7d-0900',
  kind: 'reminder',
  title: 'One week to go',
  state: 'scheduled',
  at: '2027-03-25T09:00:00.000Z',
  edit: { part: 'reminders' },
  editUrl: `https://events.example.org/console/events/${EVENT_ID}/edit/reminders`,
  ...overrides,
});

const calendarOf = (items: CalendarPlanItem[], eventTitle = 'Trust leaders day') =>
  readICalendar(planCalendar({ eventId: EVENT_ID, eventTitle, items, stamp: STAMP }));

describe("the plan's calendar feed", () => {
  it('is a published calendar named for the event, one entry per item in UTC', () => {
    const calendar = calendarOf([
      item(),
      item({
        itemId: 'post-post_1',
        kind: 'post',
        title: 'Doors open at 9; see you there, everyone',
        at: '2027-04-01T07:30:00.000Z',
        edit: { part: 'post', postId: 'post_1' },
        editUrl: `https://events.example.org/console/events/${EVENT_ID}/posts/post_1`,
      }),
    ]);

    expect(calendar.properties).toMatchObject({
      VERSION: '2.0',
      METHOD: 'PUBLISH',
      'X-WR-CALNAME': 'Comms plan: Trust leaders day',
    });
    expect(calendar.events).toHaveLength(2);
    expect(calendar.events[0]).toMatchObject({
      UID: `reminder-7d-0900.${EVENT_ID}@convene-plan`,
      DTSTART: '20270325T090000Z',
      DURATION: 'PT15M',
      SUMMARY: 'Reminder: One week to go',
      STATUS: 'CONFIRMED',
      URL: `https://events.example.org/console/events/${EVENT_ID}/edit/reminders`,
      DTSTAMP: '20270301T120000Z',
    });
    expect(calendar.events[1]).toMatchObject({
      SUMMARY: 'Post to X: Doors open at 9; see you there, everyone',
      DTSTART: '20270401T073000Z',
    });
    expect(calendar.events[1]?.DESCRIPTION).toContain(`/console/events/${EVENT_ID}/posts/post_1`);
  });

  it('keeps the UID of an item when it moves, so a subscribed calendar updates it', () => {
    const before = calendarOf([item()]).events[0];
    const after = calendarOf([item({ at: '2027-04-01T09:00:00.000Z', title: 'Next week!' })]).events[0];
    expect(after?.UID).toBe(before?.UID);
    expect(after?.DTSTART).toBe('20270401T090000Z');
    expect(planItemUid('evt_2', 'reminder-7d-0900')).not.toBe(before?.UID);
  });

  it('says where each item stands; what will not go is cancelled', () => {
    const events = calendarOf([
      item({ state: 'sent', sentTo: 12 }),
      item({ itemId: 'reminder-1d-0900', state: 'skipped' }),
      item({ itemId: 'post-post_2', kind: 'post', state: 'failed', error: 'Duplicate content' }),
      item({ itemId: 'campaign-cmp_1', kind: 'campaign', state: 'cancelled' }),
      item({ itemId: 'survey-invitation', kind: 'survey-invitation', state: 'draft' }),
    ]).events;
    expect(events.map((e) => [e.SUMMARY, e.STATUS])).toEqual([
      ['Reminder: One week to go (Sent)', 'CONFIRMED'],
      ['Reminder: One week to go (Not sent)', 'CANCELLED'],
      ['Post to X: One week to go (Failed)', 'CONFIRMED'],
      ['Campaign: One week to go (Cancelled)', 'CANCELLED'],
      ['Survey invitation: One week to go (Not published)', 'TENTATIVE'],
    ]);
    expect(events[0]?.DESCRIPTION).toContain('Sent to 12 delegates.');
    expect(events[2]?.DESCRIPTION).toContain('X said: Duplicate content');
  });

  it('keeps a title with line breaks or control characters on one line, and long lines folded', () => {
    const calendar = calendarOf(
      [item({ title: `Line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected ${'x'.repeat(120)}` })],
      'Leaders\r\nX-INJECTED:1',
    );
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]?.SUMMARY).toMatch(/^Reminder: Line one BEGIN:VEVENT SUMMARY:injected x+$/);
    expect(calendar.properties).not.toHaveProperty('X-INJECTED');
  });

  it('is a valid empty calendar when nothing is planned', () => {
    expect(calendarOf([]).events).toEqual([]);
  });
});
