import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import {
  expectAccessible,
  openPage,
  reportAccessibilityChecks,
  screenshots,
  viewports,
} from '../support/browser';
import { signInToConsole } from '../support/console';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { readICalendar } from '../unit/plan/read-ical';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;

let event: CreateEventRequest;
let eventId: string;
/** The event's day, at midnight in London. */
let day: DateTime;
const delegates: { email: string; registrationId: string }[] = [];

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  event = {
    ...smallConference(stack.clock.now(), { title: 'North West School-Led System Conference' }),
    reminders: [
      { daysBefore: 7, at: '09:00', subject: 'One week to go' },
      { daysBefore: 1, at: '09:00' },
    ],
    survey: {
      daysAfter: 1,
      at: '09:00',
      closesAfterDays: 7,
      questions: [
        { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
        { id: 'recommend', kind: 'nps', prompt: 'Would you recommend the day to a colleague?' },
        {
          id: 'best',
          kind: 'choice',
          prompt: 'What was best?',
          options: ['Keynotes', 'Workshops', 'Networking'],
        },
        { id: 'comments', kind: 'text', prompt: 'Anything else to tell us?' },
      ],
    },
  };
  day = DateTime.fromISO(event.startsAt, { zone: 'Europe/London' }).startOf('day');
  eventId = await publishedEvent(stack, api, event);
  for (let i = 0; i < 6; i += 1) {
    const email = uniqueEmail(`delegate${i}`);
    const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: `Delegate ${i}`, email },
    });
    delegates.push({ email, registrationId: accepted.body.registrationId });
  }
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
  const post = await api.call('POST', `/events/${eventId}/social-posts`, {
    as: 'comms',
    body: { text: 'Doors open in half an hour #SchoolLed', offset: { from: 'start', minutes: -30 } },
  });
  expect([campaign.status, post.status]).toEqual([202, 201]);
}, 240_000);

afterAll(async () => {
  reportAccessibilityChecks('console-plan');
  await browser?.close();
  await stack?.stop();
});

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

describe('a comms member reads the plan and subscribes to it', () => {
  let page: Page;
  let feedUrl: string;

  beforeAll(async () => {
    page = await openPage(browser, viewports.desktop);
    await signInToConsole(page, stack.url, 'comms', `/console/events/${eventId}/plan`);
  }, 60_000);

  it("shows every message and post in order, by day in the event's zone, each with its state", async () => {
    await expect(heading(page, 'Comms plan').isVisible()).resolves.toBe(true);
    const long = (d: DateTime) => d.setLocale('en-GB').toFormat('cccc d LLLL yyyy');
    const days = [
      day.minus({ days: 7 }),
      day.minus({ days: 2 }),
      day.minus({ days: 1 }),
      day,
      day.plus({ days: 1 }),
    ];
    const expected = [
      ['09:00', 'Reminder', 'One week to go', 'Scheduled'],
      ['16:00', 'Campaign', 'Parking at the Civic Hall', 'Scheduled'],
      ['09:00', 'Reminder', 'Reminder 1 day before', 'Scheduled'],
      ['08:30', 'Post to X', 'Doors open in half an hour #SchoolLed', 'Scheduled'],
      ['09:00', 'Survey invitation', 'Survey invitation to delegates who came', 'Scheduled'],
    ];

    for (const [i, d] of days.entries()) {
      const list = page.getByRole('list', { name: long(d) });
      const entries = await list.getByRole('listitem').allInnerTexts();
      expect(entries).toHaveLength(1);
      for (const text of expected[i]!) expect(entries[0]).toContain(text);
    }
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).resolves.toEqual([
      ...days.map(long),
      'Subscribe in Outlook or Google Calendar',
    ]);
    await expect(page.getByText('Times are UK time.', { exact: false }).isVisible()).resolves.toBe(true);
    // A post is the comms team's to change; campaigns and the reminder plan are organisers' pages.
    await expect(
      page
        .getByRole('link', { name: 'Change Post to X: Doors open in half an hour #SchoolLed' })
        .getAttribute('href'),
    ).resolves.toMatch(new RegExp(`^/console/events/${eventId}/posts/post_`));
    await expect(page.getByRole('link', { name: /Change campaign/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'plan: comms, no feed yet');
    await screenshots(page, 'console-plan');
  });

  it('makes a calendar address whose feed has the plan in it', async () => {
    await page.getByRole('button', { name: 'Make a calendar address' }).click();

    await expect(page.getByText('You made a new calendar address').isVisible()).resolves.toBe(true);
    feedUrl = await page.getByLabel('Calendar address').inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${stack.url}/events/${eventId}/plan\\.ics\\?key=`));
    await expectAccessible(page, 'plan: feed made');

    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    const calendar = readICalendar(await feed.text());
    expect(calendar.events.map((e) => e.SUMMARY)).toEqual([
      'Reminder: One week to go',
      'Campaign: Parking at the Civic Hall',
      'Reminder: Reminder 1 day before',
      'Post to X: Doors open in half an hour #SchoolLed',
      'Survey invitation: Survey invitation to delegates who came',
    ]);
    expect(calendar.events[0]?.DTSTART).toBe(
      day.minus({ days: 7 }).set({ hour: 9 }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'"),
    );
  });

  it('makes a new address; the old one stops working', async () => {
    await expect(page.getByText('the old one stops working', { exact: false }).isVisible()).resolves.toBe(
      true,
    );

    await page.getByRole('button', { name: 'Make a new address' }).click();

    await expect(page.getByText('The old address no longer works.').isVisible()).resolves.toBe(true);
    const renewed = await page.getByLabel('Calendar address').inputValue();
    expect(renewed).not.toBe(feedUrl);
    expect((await fetch(feedUrl)).status).toBe(404);
    expect((await fetch(renewed)).status).toBe(200);
    await expectAccessible(page, 'plan: feed renewed');
  });
});

describe('an organiser reads the survey results', () => {
  let page: Page;
  const tokens: string[] = [];

  const answer = async (token: string, answers: Record<string, unknown>) =>
    expect((await api.call('POST', `/surveys/${token}`, { body: { answers } })).status).toBe(201);

  beforeAll(async () => {
    for (const d of delegates) {
      const checkedIn = await api.call('POST', `/events/${eventId}/check-ins`, {
        as: 'organisers',
        body: { registrationId: d.registrationId },
      });
      expect(checkedIn.status).toBe(200);
    }
    const invitation = day.plus({ days: 1 }).set({ hour: 9 }).toJSDate();
    await stack.advanceClock(new Date(invitation.getTime() + 60_000));
    for (const d of delegates) {
      const mail = (await stack.ses.mail(d.email)).find((m) => /feedback/i.test(m.subject));
      const token = /\/surveys\/([\w.-]+)/.exec(mail?.body.text ?? '')?.[1];
      if (!token) throw new Error(`No survey link for ${d.email}`);
      tokens.push(token);
    }
    await answer(tokens[0]!, { overall: 5, recommend: 10, best: 'Workshops', comments: 'Inspiring keynote' });
    await answer(tokens[1]!, { overall: 4, recommend: 9, best: 'Workshops' });
    page = await openPage(browser, viewports.desktop);
    await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/survey-results`);
  }, 120_000);

  it('withholds the breakdowns while fewer than five have answered, and says why', async () => {
    await expect(heading(page, 'Survey results').isVisible()).resolves.toBe(true);
    await expect(page.getByText('2 people answered of 6 invited').isVisible()).resolves.toBe(true);
    await expect(
      page.getByText('Fewer than 5 delegates have answered', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('img').count()).resolves.toBe(0);
    await expect(page.getByText('Inspiring keynote').count()).resolves.toBe(0);
    await expectAccessible(page, 'survey results: withheld');
  });

  it('shows a chart per question once five have answered, and a question too few answered withheld', async () => {
    await answer(tokens[2]!, { overall: 4, recommend: 7, best: 'Keynotes' });
    await answer(tokens[3]!, {
      overall: 2,
      recommend: 3,
      best: 'Networking',
      comments: 'Too hot in the hall',
    });
    await answer(tokens[4]!, { overall: 5, recommend: 10, best: 'Workshops' });

    await page.reload();

    await expect(page.getByText('83%', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('5 people answered of 6 invited').isVisible()).resolves.toBe(true);
    for (const prompt of [
      'How was the day overall?',
      'Would you recommend the day to a colleague?',
      'What was best?',
    ]) {
      await expect(
        page.getByRole('img', { name: `Chart of the answers to "${prompt}"`, exact: false }).isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByRole('table', { name: `Answers to "${prompt}"` }).count()).resolves.toBe(1);
    }
    await expect(page.getByText('Average rating: 4 out of 5').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Net Promoter Score: +40').isVisible()).resolves.toBe(true);
    const nps = page.getByRole('table', { name: 'Answers to "Would you recommend the day to a colleague?"' });
    await expect(nps.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Answer\s+People\s+Share/),
      expect.stringMatching(/Detractors \(0 to 6\)\s+1\s+20%/),
      expect.stringMatching(/Passives \(7 or 8\)\s+1\s+20%/),
      expect.stringMatching(/Promoters \(9 or 10\)\s+3\s+60%/),
    ]);
    await expect(
      page.getByText('Fewer than 5 people answered this question', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Too hot in the hall').count()).resolves.toBe(0);
    await expectAccessible(page, 'survey results: charts');
    await screenshots(page, 'console-survey-results');
  });

  it('downloads the responses as the same CSV the API gives', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the responses (CSV)' }).click(),
    ]);

    expect(download.suggestedFilename()).toBe(`survey-${eventId}.csv`);
    const file = readFileSync((await download.path()) ?? '', 'utf8');
    const fromApi = await api.call<string>('GET', `/events/${eventId}/survey-results`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(file).toBe(fromApi.body);
    expect(file.split('\r\n')[0]).toBe('response,overall,recommend,best,comments');
    expect(file.split('\r\n').filter(Boolean)).toHaveLength(6);
  });
});
