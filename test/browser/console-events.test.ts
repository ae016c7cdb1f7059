import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
  viewports,
} from '../support/browser';
import { signInToConsole } from '../support/console';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

/** The narrowest phone the create form is made for. */
const PHONE = { width: 360, height: 740 };

let stack: LocalStack;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  page = await openPage(browser, viewports.desktop);
}, 120_000);
afterAll(async () => {
  reportAccessibilityChecks('console-events');
  await browser?.close();
  await stack?.stop();
});

const heading = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name });
/** The success banner after a post (GOV.UK's notification banner is an alert). */
const banner = (p: Page, text: string) => p.getByRole('alert').filter({ hasText: text });
const errorSummary = (p: Page) => p.getByRole('alert').filter({ hasText: 'There is a problem' });
const group = (p: Page, name: string) => p.getByRole('group', { name, exact: true });

interface EventJson {
  readonly eventId: string;
  readonly title: string;
  readonly status: string;
  readonly timezone: string;
  readonly startsAtUtc: string;
  readonly venue: { readonly name: string };
  readonly ignoreEmailTags?: boolean;
  readonly sessions: readonly {
    readonly id: string;
    readonly title: string;
    readonly startsAt: string;
    readonly capacity: number | null;
  }[];
  readonly reminders: readonly { readonly daysBefore: number; readonly at: string }[];
}

const eventsListed = async () =>
  (await api.call<{ events: EventJson[] }>('GET', '/events', { as: 'organisers' })).body.events;
const eventJson = async (eventId: string) =>
  (await api.call<EventJson>('GET', `/events/${eventId}`, { as: 'organisers' })).body;

/** The day of the event the organiser creates: some weeks after the stack's clock. */
const day = () =>
  DateTime.fromJSDate(stack.clock.now(), { zone: 'Europe/London' }).plus({ days: 45 }).startOf('day');

/** Fills the create form; `end` is the end time (the end date is left blank: the same day). */
const fillDetails = async (p: Page, fields: { title: string; end: string }) => {
  const d = day();
  await p.getByLabel('Title').fill(fields.title);
  await p.getByLabel('Venue', { exact: true }).fill('Leeds Civic Hall');
  const start = group(p, 'Start date');
  await start.getByLabel('Day').fill(String(d.day));
  await start.getByLabel('Month').fill(String(d.month));
  await start.getByLabel('Year').fill(String(d.year));
  await p.getByLabel('Start time').fill('09:00');
  await p.getByLabel('End time').fill(fields.end);
  await p.getByLabel('Places').fill('120');
};

/** One session's fieldset filled in. */
const fillSession = async (
  p: Page,
  n: number,
  s: { kind: string; title: string; starts: string; ends: string; places?: string },
) => {
  const row = group(p, `Session ${n}`);
  await row.getByLabel('Kind').selectOption({ label: s.kind });
  await row.getByLabel('Title').fill(s.title);
  await row.getByLabel('Starts').fill(s.starts);
  await row.getByLabel('Ends').fill(s.ends);
  if (s.places) await row.getByLabel('Places').fill(s.places);
};

let eventId: string;

describe('an organiser runs an event from the console', () => {
  it('signs in and sees every event, with "Create an event"', async () => {
    await signInToConsole(page, stack.url, 'organisers', '/console');

    await expect(heading(page, 'Your events').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Create an event' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'events list (organiser)');
  });

  it('is shown what to fix on a bad form, and nothing is saved', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Create an event' }).click();
    await expect(heading(page, 'Create an event').isVisible()).resolves.toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'create form');
    await screenshots(page, 'console-create-event');
    const before = (await eventsListed()).length;

    await fillDetails(page, { title: '', end: '08:30' });
    await page.getByRole('button', { name: 'Create the event' }).click();

    await expect(errorSummary(page).isVisible()).resolves.toBe(true);
    const summary = await errorSummary(page).innerText();
    expect(summary).toContain("Enter the event's title");
    expect(summary).toContain('The event must end after it starts');
    await expect(page.getByLabel('Venue', { exact: true }).inputValue()).resolves.toBe('Leeds Civic Hall');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'create form with errors');
    expect((await eventsListed()).length).toBe(before);
  });

  it('creates a draft, then is asked for its sessions', async () => {
    await fillDetails(page, { title: 'Trust leaders day', end: '16:30' });
    await page.getByRole('button', { name: 'Create the event' }).click();

    await page.waitForURL(/\/console\/events\/evt_[^/]+\/edit\/sessions\?done=created$/);
    eventId = /events\/(evt_[^/]+)\//.exec(page.url())![1]!;
    await expect(banner(page, 'Event created as a draft').isVisible()).resolves.toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'sessions form after creating');
    expect((await eventJson(eventId)).status).toBe('draft');
  });

  it('adds a keynote and two parallel workshops, told first what to fix', async () => {
    await fillSession(page, 1, { kind: 'Keynote', title: 'Opening keynote', starts: '09:30', ends: '10:30' });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await fillSession(page, 2, {
      kind: 'Workshop',
      title: '',
      starts: '11:00',
      ends: '12:00',
      places: '20',
    });
    await page.getByRole('button', { name: 'Add another session' }).click();
    await fillSession(page, 3, {
      kind: 'Workshop',
      title: 'Workshop B',
      starts: '11:00',
      ends: '10:00',
      places: '20',
    });
    await page.getByRole('button', { name: 'Save sessions' }).click();

    // Both problems on the first save: the schema's (a blank title) and the domain's (an end before its start).
    await expect(errorSummary(page).getByText('Enter the title of session 2').isVisible()).resolves.toBe(
      true,
    );
    await expect(
      errorSummary(page).getByText('Session 3 must end after it starts').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'sessions form with errors');
    expect((await eventJson(eventId)).sessions).toEqual([]);
    await group(page, 'Session 2').getByLabel('Title').fill('Workshop A');
    await group(page, 'Session 3').getByLabel('Ends').fill('12:00');
    await page.getByRole('button', { name: 'Save sessions' }).click();

    await page.waitForURL((url) => url.pathname === `/console/events/${eventId}`);
    await expect(banner(page, 'Sessions saved').isVisible()).resolves.toBe(true);
    await expect(page.getByText('2 at the same time').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: '0 of 20 places taken' }).count()).resolves.toBe(2);
    await expect(page.getByText('Draft', { exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'overview of a draft');
    const saved = await eventJson(eventId);
    expect(saved.status).toBe('draft');
    expect(saved.sessions.map((s) => [s.title, s.startsAt.slice(11), s.capacity])).toEqual([
      ['Opening keynote', '09:30', null],
      ['Workshop A', '11:00', 20],
      ['Workshop B', '11:00', 20],
    ]);
  });

  it('previews the dates of a reminder plan before saving it', async () => {
    await page.setViewportSize(viewports.desktop);
    await page.getByRole('link', { name: 'Change the reminders' }).click();
    await expect(page.getByText('No reminders are planned.').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'reminders form');
    const first = group(page, 'Reminder 1');
    await first.getByLabel('Days before').fill('7');
    await first.getByLabel('Time').fill('9:00');
    await first.getByLabel('Subject (optional)').fill('One week to go');
    await page.getByRole('button', { name: 'Add another reminder' }).click();
    const second = group(page, 'Reminder 2');
    await second.getByLabel('Days before').fill('a day');
    await second.getByLabel('Time').fill('16:00');

    // A preview of a plan with a mistake stays on what to fix, not on dates that are not the plan's.
    await page.getByRole('button', { name: 'Preview the dates' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect(summary.evaluate((s) => s === document.activeElement)).resolves.toBe(true);
    await expect(summary.evaluate((s) => s.getBoundingClientRect().top >= 0)).resolves.toBe(true);
    await expect(
      page
        .getByText('These are the dates as saved. Correct the problems above, then preview the dates again.')
        .isVisible(),
    ).resolves.toBe(true);
    await second.getByLabel('Days before').fill('1');

    await page.getByRole('button', { name: 'Preview the dates' }).click();

    await expect(
      page.getByRole('heading', { name: 'When these reminders would go (not saved yet)' }).isVisible(),
    ).resolves.toBe(true);
    const moment = (days: number, time: string) =>
      `${day().minus({ days }).setLocale('en-GB').toFormat('cccc d LLLL yyyy')} at ${time}`;
    await expect(page.getByRole('cell', { name: moment(7, '09:00') }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: moment(1, '16:00') }).isVisible()).resolves.toBe(true);
    await expect(first.getByLabel('Time').inputValue()).resolves.toBe('9:00');
    await expectAccessible(page, 'reminders preview');
    expect((await eventJson(eventId)).reminders).toEqual([]);

    await page.getByRole('button', { name: 'Save reminders' }).click();

    await page.waitForURL((url) => url.pathname === `/console/events/${eventId}`);
    await expect(banner(page, 'Reminders saved').isVisible()).resolves.toBe(true);
    await expect(page.getByText(moment(7, '09:00'), { exact: false }).isVisible()).resolves.toBe(true);
    expect((await eventJson(eventId)).reminders).toEqual([
      { daysBefore: 7, at: '09:00', subject: 'One week to go' },
      { daysBefore: 1, at: '16:00' },
    ]);
  });

  it('sees the survey form with the dates its mails go', async () => {
    await page.getByRole('link', { name: 'Change the survey' }).click();
    await expect(heading(page, 'Survey').isVisible()).resolves.toBe(true);
    await group(page, 'Question 1').getByLabel('Question').fill('How was the day overall?');

    await page.getByRole('button', { name: 'Preview the dates' }).click();

    const invitation = `${day().plus({ days: 1 }).setLocale('en-GB').toFormat('cccc d LLLL yyyy')} at 10:00`;
    await expect(page.getByText(invitation).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'survey preview');
    await page.getByRole('link', { name: 'Back to the overview' }).click();
  });

  it('publishes, and is given the event page to share', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();

    await page.waitForURL((url) => url.pathname === `/console/events/${eventId}`);
    await expect(banner(page, 'Event published').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('link', { name: `${stack.url}/events/${eventId}` }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'overview of a published event');
    expect((await eventJson(eventId)).status).toBe('published');
  });

  it('edits the details of the published event, told what delegates will be emailed', async () => {
    await page.getByRole('link', { name: 'Change the details' }).click();
    await expect(
      page
        .getByText('everyone with a place or on the waiting list is emailed what changed', { exact: false })
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'details form of a published event');

    await page.getByLabel('Title').fill('Trust leaders day 2027');
    await page.getByLabel('Venue', { exact: true }).fill('Leeds Town Hall');
    // On by default; unticked here for a school whose colleagues share one mailbox.
    const sameAddress = page.getByLabel('Treat jo+anything@school.org as the same address as jo@school.org');
    await expect(sameAddress.isChecked()).resolves.toBe(true);
    await sameAddress.uncheck();
    await page.getByRole('button', { name: 'Save event details' }).click();

    await page.waitForURL((url) => url.pathname === `/console/events/${eventId}`);
    await expect(banner(page, 'Event details saved').isVisible()).resolves.toBe(true);
    await expect(banner(page, 'are being emailed what changed').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Leeds Town Hall').isVisible()).resolves.toBe(true);
    const saved = await eventJson(eventId);
    expect([saved.title, saved.venue.name, saved.ignoreEmailTags]).toEqual([
      'Trust leaders day 2027',
      'Leeds Town Hall',
      false,
    ]);
    await screenshots(page, 'console-event-overview');
  });

  it('is told which session cannot be removed because someone has booked it', async () => {
    const workshopA = (await eventJson(eventId)).sessions.find((s) => s.title === 'Workshop A');
    const booked = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Cara', email: uniqueEmail('cara'), sessions: [workshopA?.id] },
    });
    expect(booked.status).toBe(202);
    await stack.settle();
    await page.goto(`${stack.url}/console/events/${eventId}/edit/sessions`);

    await group(page, 'Session 2').getByLabel('Remove this session').check();
    await page.getByRole('button', { name: 'Save sessions' }).click();

    await errorSummary(page)
      .getByRole('link', { name: 'Session 2 has 1 place booked, so it cannot be removed' })
      .waitFor();
    await expect(group(page, 'Session 2').getByLabel('Remove this session').isChecked()).resolves.toBe(true);
    expect((await eventJson(eventId)).sessions.map((s) => s.title)).toContain('Workshop A');
    await expectAccessible(page, 'sessions form: a booked session ticked for removal');
  });

  it('cancels a second event after reading what cancelling will do', async () => {
    const second = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: 1, title: 'Spring network meeting' }),
    );
    for (const name of ['ada', 'ben'])
      await api.call('POST', `/events/${second}/registrations`, { body: { name, email: uniqueEmail(name) } });
    await stack.settle();
    await page.goto(`${stack.url}/console/events/${second}`);

    await page.getByRole('link', { name: 'Cancel this event' }).click();

    await expect(
      heading(page, 'Are you sure you want to cancel Spring network meeting?').isVisible(),
    ).resolves.toBe(true);
    const said = await page.getByRole('list').filter({ hasText: 'Registration closes' }).innerText();
    expect(said).toContain(
      '1 person with a place is emailed that the event is cancelled, with a calendar update',
    );
    expect(said).toContain('1 person on the waiting list is emailed');
    await expect(page.getByText('You cannot undo this', { exact: false }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'cancel: what it will do');

    await page.getByRole('button', { name: 'Yes, cancel the event' }).click();

    await page.waitForURL((url) => url.pathname === `/console/events/${second}`);
    await expect(banner(page, 'Event cancelled').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Cancelled', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: /^Change the/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'overview of a cancelled event');
    expect((await eventJson(second)).status).toBe('cancelled');
  });
});

describe('a member of the communications team', () => {
  let comms: Page;
  beforeAll(async () => {
    comms = await openPage(browser, viewports.desktop);
  });

  it('sees the list and an overview without edit controls', async () => {
    await signInToConsole(comms, stack.url, 'comms', '/console');

    await expect(comms.getByText('Trust leaders day 2027').isVisible()).resolves.toBe(true);
    await expect(comms.getByRole('button', { name: 'Create an event' }).count()).resolves.toBe(0);
    await expectAccessible(comms, 'events list (comms)');

    await comms.getByRole('link', { name: 'Trust leaders day 2027' }).click();

    await expect(heading(comms, 'Overview').isVisible()).resolves.toBe(true);
    await expect(comms.getByRole('link', { name: /^Change the/ }).count()).resolves.toBe(0);
    await expect(comms.getByRole('link', { name: 'Cancel this event' }).count()).resolves.toBe(0);
    await expect(
      comms.getByRole('link', { name: 'Schedule and change posts to X' }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(comms, 'overview (comms)');
  });

  it('is refused the edit forms with a 403 page', async () => {
    const response = await comms.goto(`${stack.url}/console/events/${eventId}/edit/details`);

    expect(response?.status()).toBe(403);
    await expect(heading(comms, 'You cannot use this page').isVisible()).resolves.toBe(true);
    await expectAccessible(comms, '403 on an edit form (comms)');
  });
});
