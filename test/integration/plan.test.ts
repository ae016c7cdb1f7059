import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';
import { readICalendar } from '../unit/plan/read-ical';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

interface PlanItem {
  itemId: string;
  kind: string;
  title: string;
  state: string;
  at: string;
  atLocal: string;
  sentTo?: number;
  editUrl: string;
}
interface Plan {
  eventId: string;
  timezone: string;
  items: PlanItem[];
}
interface Feed {
  eventId: string;
  feedUrl: string;
  createdAt: string;
}

const readPlan = (eventId: string, as: 'comms' | 'organisers' = 'comms') =>
  api.call<Plan>('GET', `/events/${eventId}/plan`, { as });

/** A full URL from the API, fetched as a calendar app would: no token, no cookie. */
const fetchFeed = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe("an event's comms plan", () => {
  let event: CreateEventRequest;
  let eventId: string;
  let day: DateTime;
  const delegate = { name: 'Ada Lovelace', email: uniqueEmail('ada') };

  beforeAll(async () => {
    event = {
      ...smallConference(stack.clock.now()),
      reminders: [
        { daysBefore: 7, at: '09:00', subject: 'One week to go' },
        { daysBefore: 1, at: '09:00' },
      ],
      survey: {
        daysAfter: 1,
        at: '09:00',
        reminder: { daysAfter: 3, at: '12:00' },
        questions: [{ id: 'overall', kind: 'rating', prompt: 'How was the day?' }],
      },
    };
    day = DateTime.fromISO(event.startsAt, { zone: 'Europe/London' }).startOf('day');
    eventId = await publishedEvent(stack, api, event);
    expect((await api.call('POST', `/events/${eventId}/registrations`, { body: delegate })).status).toBe(202);
    await stack.settle();
    const campaign = await api.call('POST', `/events/${eventId}/campaigns`, {
      as: 'organisers',
      body: {
        subject: 'Parking at the Civic Hall',
        text: 'Dear {{name}}, park behind the hall.',
        audience: { status: ['confirmed'] },
        sendAt: `${day.minus({ days: 2 }).toISODate()}T16:00`,
      },
    });
    expect(campaign.status).toBe(202);
    const post = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Doors open in half an hour #SchoolLed', offset: { from: 'start', minutes: -30 } },
    });
    expect(post.status).toBe(201);
  });

  it('lists reminders, campaign, post and survey mails soonest first, in the event zone and UTC', async () => {
    const plan = await readPlan(eventId);

    expect(plan.status).toBe(200);
    const iso = (d: DateTime) => d.toISODate();
    expect(plan.body.items.map((i) => [i.kind, i.title, i.state, i.atLocal])).toEqual([
      ['reminder', 'One week to go', 'scheduled', `${iso(day.minus({ days: 7 }))}T09:00`],
      ['campaign', 'Parking at the Civic Hall', 'scheduled', `${iso(day.minus({ days: 2 }))}T16:00`],
      ['reminder', 'Reminder 1 day before', 'scheduled', `${iso(day.minus({ days: 1 }))}T09:00`],
      ['post', 'Doors open in half an hour #SchoolLed', 'scheduled', `${iso(day)}T08:30`],
      [
        'survey-invitation',
        'Survey invitation to delegates who came',
        'scheduled',
        `${iso(day.plus({ days: 1 }))}T09:00`,
      ],
      [
        'survey-reminder',
        'Survey reminder to those who have not answered',
        'scheduled',
        `${iso(day.plus({ days: 3 }))}T12:00`,
      ],
    ]);
    const first = plan.body.items[0]!;
    expect(first.at).toBe(
      day.minus({ days: 7 }).set({ hour: 9 }).toUTC().toISO({ suppressMilliseconds: false }),
    );
    expect(first.editUrl).toBe(`${stack.url}/console/events/${eventId}/edit/reminders`);
    expect(plan.body.items[1]?.editUrl).toMatch(new RegExp(`/console/events/${eventId}/campaigns/cmp_`));
    expect(plan.body.items[3]?.editUrl).toMatch(new RegExp(`/console/events/${eventId}/posts/post_`));
    expect((await readPlan(eventId, 'organisers')).status).toBe(200);
  });

  it('gives the same plan as iCalendar for Accept: text/calendar, without anything about delegates', async () => {
    const plan = await readPlan(eventId);
    const answer = await api.call<string>('GET', `/events/${eventId}/plan`, {
      as: 'comms',
      headers: { accept: 'text/calendar' },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/calendar');
    const calendar = readICalendar(answer.body);
    expect(calendar.events.map((e) => e.UID)).toEqual(
      plan.body.items.map((i) => `${i.itemId}.${eventId}@convene-plan`),
    );
    expect(calendar.events[0]?.SUMMARY).toBe('Reminder: One week to go');
    expect(answer.body).not.toContain('Ada');
    expect(answer.body).not.toContain(delegate.email);
  });

  it('is for signed-in comms and organisers only, and 404 for an unknown event', async () => {
    expect((await api.call('GET', `/events/${eventId}/plan`)).status).toBe(401);
    expect((await api.call('GET', `/events/${eventId}/plan`, { as: 'none' })).status).toBe(403);
    expect((await api.call('GET', '/events/evt_unknown/plan', { as: 'comms' })).status).toBe(404);
    expect((await api.call('POST', `/events/${eventId}/plan-key`)).status).toBe(401);
    expect((await api.call('POST', '/events/evt_unknown/plan-key', { as: 'comms' })).status).toBe(404);
  });

  describe('the calendar feed', () => {
    let feed: Feed;

    it('has no address until someone makes one', async () => {
      const refused = await fetchFeed(`${stack.url}/events/${eventId}/plan.ics?key=anything`);
      expect(refused.status).toBe(404);
    });

    it('answers the plan as iCalendar at the secret address, without a token', async () => {
      const made = await api.call<Feed>('POST', `/events/${eventId}/plan-key`, { as: 'comms' });
      expect(made.status).toBe(201);
      feed = made.body;
      expect(feed.feedUrl).toMatch(
        new RegExp(`^${stack.url}/events/${eventId}/plan\\.ics\\?key=[\\w-]{43}$`),
      );

      const answer = await fetchFeed(feed.feedUrl);

      expect(answer.status).toBe(200);
      expect(answer.type).toContain('text/calendar');
      const calendar = readICalendar(answer.text);
      expect(calendar.properties['X-WR-CALNAME']).toBe(`Comms plan: ${event.title}`);
      expect(calendar.events.map((e) => e.SUMMARY)).toEqual([
        'Reminder: One week to go',
        'Campaign: Parking at the Civic Hall',
        'Reminder: Reminder 1 day before',
        'Post to X: Doors open in half an hour #SchoolLed',
        'Survey invitation: Survey invitation to delegates who came',
        'Survey reminder: Survey reminder to those who have not answered',
      ]);
      expect(answer.text).not.toContain(delegate.email);
    });

    it('is 404 for a wrong or missing key, the same as for an event that does not exist', async () => {
      const key = new URL(feed.feedUrl).searchParams.get('key') ?? '';
      const answers = await Promise.all(
        [
          // One character changed (to A, or to B when it was A already).
          `/events/${eventId}/plan.ics?key=${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`,
          `/events/${eventId}/plan.ics?key=`,
          `/events/${eventId}/plan.ics`,
          `/events/evt_01aaaaaaaaaaaaaaaaaaaaaaaa/plan.ics?key=${key}`,
        ].map((path) => fetchFeed(`${stack.url}${path}`)),
      );
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    });

    it('keeps each item’s UID when the event moves, at the new times', async () => {
      const before = readICalendar((await fetchFeed(feed.feedUrl)).text).events;
      const nextWeek = (wallClock: string) =>
        DateTime.fromISO(wallClock).plus({ days: 7 }).toFormat("yyyy-MM-dd'T'HH:mm");
      const moved = await api.call('PATCH', `/events/${eventId}`, {
        as: 'organisers',
        body: { startsAt: nextWeek(event.startsAt), endsAt: nextWeek(event.endsAt), notify: false },
      });
      expect(moved.status).toBe(200);
      await stack.settle();

      const after = readICalendar((await fetchFeed(feed.feedUrl)).text).events;

      const byUid = new Map(after.map((e) => [e.UID, e.DTSTART]));
      const post = before.find((e) => e.SUMMARY?.startsWith('Post to X'))!;
      expect(byUid.get(post.UID!)).toBe(
        DateTime.fromFormat(post.DTSTART!, "yyyyMMdd'T'HHmmss'Z'", { zone: 'utc' })
          .plus({ days: 7 })
          .toFormat("yyyyMMdd'T'HHmmss'Z'"),
      );
      expect([...byUid.keys()].sort()).toEqual(before.map((e) => e.UID).sort());
      day = day.plus({ days: 7 });
    });

    it('gets a new address on request; the old one stops working at once', async () => {
      const renewed = await api.call<Feed>('POST', `/events/${eventId}/plan-key`, { as: 'organisers' });
      expect(renewed.status).toBe(201);
      expect(renewed.body.feedUrl).not.toBe(feed.feedUrl);

      expect((await fetchFeed(feed.feedUrl)).status).toBe(404);
      expect((await fetchFeed(renewed.body.feedUrl)).status).toBe(200);
    });
  });

  it('shows a reminder as sent, to how many, once its time has come', async () => {
    const due = day.minus({ days: 7 }).set({ hour: 9 }).toJSDate();
    await stack.advanceClock(new Date(due.getTime() + 60_000));
    await stack.settle();

    const plan = await readPlan(eventId);

    const byId = Object.fromEntries(plan.body.items.map((i) => [i.itemId, i]));
    expect(byId['reminder-7d-0900']).toMatchObject({ state: 'sent', sentTo: 1 });
    // The campaign kept its own time, two days before the event's old date: it went too.
    expect(plan.body.items.find((i) => i.kind === 'campaign')).toMatchObject({ state: 'sent', sentTo: 1 });
    expect(byId['reminder-1d-0900']?.state).toBe('scheduled');
  });
});
