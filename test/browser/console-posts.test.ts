import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
  viewports,
} from '../support/browser';
import { signInToConsole } from '../support/console';
import { publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;
let event: CreateEventRequest;
let eventId: string;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  event = smallConference(stack.clock.now(), { title: 'North West leaders day' });
  eventId = await publishedEvent(stack, api, event);
  page = await openPage(browser, viewports.desktop);
}, 300_000);
afterAll(async () => {
  reportAccessibilityChecks('console-posts');
  await browser?.close();
  await stack?.stop();
});

const postsUrl = () => `${stack.url}/console/events/${eventId}/posts`;
const heading = (name: string) => page.getByRole('heading', { level: 1, name });
const day = () => event.startsAt.slice(0, 10);

/** A wall-clock time of the event's day as the console writes it: "Thursday 1 April 2027 at 08:30". */
const onTheDay = (time: string): string =>
  DateTime.fromISO(`${day()}T${time}`, { zone: event.timezone })
    .setLocale('en-GB')
    .toFormat("cccc d LLLL yyyy 'at' HH:mm");

/** The list's row of a post, found by the post's text (its link). */
const rowOf = (text: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: text }) });

const xPostsOf = async (text: string) =>
  (await api.call<{ text: string }[]>('GET', '/local/x/posts')).body.filter((t) => t.text === text);

const DOORS = 'Doors open at 9: coffee in the atrium #NWLeaders';
const WORKSHOPS = 'Workshops start at 11. Choose yours at the desk.';
const LONG = `${'Our keynote speaker will talk about trust leadership and the road ahead. '.repeat(4)}`;

describe('the comms team schedules a thread', () => {
  it('signs in and finds the event with no posts yet', async () => {
    await signInToConsole(page, stack.url, 'comms', `/console/events/${eventId}/posts`);

    await expect(heading('Posts to X').isVisible()).resolves.toBe(true);
    await expect(page.getByText('There are no posts for this event yet.').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'posts: none yet');
  });

  it('writes two parts, sees the live count go over the limit, and the error when sending', async () => {
    await page.getByRole('button', { name: 'Schedule a post' }).click();
    await expect(heading('Schedule a post').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'compose: blank');

    // Sent blank: everything it lacks is named at once, not one thing a try.
    await page.getByRole('button', { name: 'Schedule post' }).click();
    for (const name of ['Enter the text of the post', 'Choose when the post goes']) {
      await expect(page.getByRole('link', { name }).isVisible()).resolves.toBe(true);
    }

    await page.getByLabel('Part 1').fill(DOORS);
    await expect(
      page
        .getByText(`You have ${280 - DOORS.length} characters remaining`)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Add another part' }).click();
    await page.getByLabel('Part 2').fill(LONG);
    const over = LONG.length - 280;
    await expect(page.getByText(`You have ${over} characters too many`).first().isVisible()).resolves.toBe(
      true,
    );
    // The count speaks politely once typing pauses, as GOV.UK's character count does.
    await expect(
      page.locator('[aria-live="polite"]', { hasText: `You have ${over} characters too many` }).waitFor(),
    ).resolves.toBeUndefined();
    await expectAccessible(page, 'compose: a part over the limit');
    await screenshots(page, 'console-posts-compose');

    await page.getByLabel('Before or after the start, the end or a session').check();
    await page.getByLabel('Number').fill('30');
    await page.getByLabel('Minutes, hours or days').selectOption('minutes');
    await page.getByLabel('Before or after', { exact: true }).selectOption('before');
    await page.getByLabel('The start, the end or a session', { exact: true }).selectOption('start');
    await page.getByRole('button', { name: 'Schedule post' }).click();

    const message = `Part 2 must be 280 characters or less (it has ${LONG.length})`;
    await expect(page.getByRole('link', { name: message }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Part 1').inputValue()).resolves.toBe(DOORS);
    await expect(page.getByLabel('Number').inputValue()).resolves.toBe('30');
    await expectAccessible(page, 'compose: refused, part too long');
  });

  it('sends it and sees it on the list 30 minutes before the start, in the event’s zone', async () => {
    await page.getByLabel('Part 2').fill(WORKSHOPS);
    await page.getByRole('button', { name: 'Schedule post' }).click();

    await expect(page.getByText('Post scheduled').isVisible()).resolves.toBe(true);
    const row = rowOf(DOORS);
    await expect(row.getByText(onTheDay('08:30')).isVisible()).resolves.toBe(true);
    await expect(row.getByText('30 minutes before the start of the event').isVisible()).resolves.toBe(true);
    await expect(row.getByText('Thread of 2 parts').isVisible()).resolves.toBe(true);
    await expect(row.getByText('Scheduled').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'posts: thread scheduled');
    await screenshots(page, 'console-posts-list');
  });

  it('moves with the event when an organiser moves it by an hour', async () => {
    const later = (wallClock: string) =>
      DateTime.fromISO(wallClock).plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const moved = await api.call('PATCH', `/events/${eventId}`, {
      as: 'organisers',
      body: {
        startsAt: later(event.startsAt),
        endsAt: later(event.endsAt),
        sessions: (event.sessions ?? []).map((s) => ({
          ...s,
          startsAt: later(s.startsAt),
          endsAt: later(s.endsAt),
        })),
        notify: false,
      },
    });
    expect(moved.status).toBe(200);
    await stack.settle();

    await page.goto(postsUrl());

    await expect(rowOf(DOORS).getByText(onTheDay('09:30')).isVisible()).resolves.toBe(true);
    await expect(page.getByText(onTheDay('08:30')).count()).resolves.toBe(0);
  });

  it('changes its first part and its time', async () => {
    await page.getByRole('link', { name: DOORS }).click();
    await expect(heading('Thread to X').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Part 2').inputValue()).resolves.toBe(WORKSHOPS);
    await expect(page.getByLabel('Number').inputValue()).resolves.toBe('30');
    await expectAccessible(page, 'post: scheduled, with its form');

    await page.getByLabel('Part 1').fill('Doors open at 10: coffee in the atrium #NWLeaders');
    await page.getByLabel('Number').fill('45');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(page.getByText('Changes saved').isVisible()).resolves.toBe(true);
    await expect(page.getByText(onTheDay('09:15')).isVisible()).resolves.toBe(true);
    await expect(
      page.getByText('45 minutes before the start of the event, and moves with it').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'post: changes saved');
    await screenshots(page, 'console-posts-detail');
    const posts = await api.call<{ posts: { thread: string[]; follows: unknown }[] }>(
      'GET',
      `/events/${eventId}/social-posts`,
      { as: 'comms' },
    );
    expect(posts.body.posts[0]).toMatchObject({
      thread: ['Doors open at 10: coffee in the atrium #NWLeaders', WORKSHOPS],
      follows: { from: 'start', minutes: -45 },
    });
  });

  it('cancels another post', async () => {
    const lunch = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Lunch is served in the main hall', publishAt: `${day()}T12:30` },
    });
    expect(lunch.status).toBe(201);
    await page.goto(postsUrl());
    await page.getByRole('link', { name: 'Lunch is served in the main hall' }).click();

    await page.getByRole('button', { name: 'Cancel this post' }).click();

    await expect(page.getByText('Post cancelled').isVisible()).resolves.toBe(true);
    await expect(rowOf('Lunch is served in the main hall').getByText('Cancelled').isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'posts: one cancelled');
    const scheduleGone = !stack.scheduler.list().some((s) => s.name === `post-${lunch.body.postId}`);
    expect(scheduleGone).toBe(true);
  });
});

describe('a post X refused', () => {
  const THANKS = 'Thank you to everyone who came to the spring conference';

  it("shows X's error, and Try again posts it once", async () => {
    const at = new Date(stack.clock.now().getTime() + 2 * 3_600_000);
    const created = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: THANKS, publishAt: at.toISOString() },
    });
    expect(created.status).toBe(201);
    stack.x.script([{ kind: 'duplicate' }]);
    await stack.advanceClock(at);

    await page.goto(postsUrl());
    await expect(rowOf(THANKS).getByText('Failed').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: THANKS }).click();
    await expect(heading('Post to X').isVisible()).resolves.toBe(true);
    await expect(
      page.getByText('X refused this post because the account has already posted the same text').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'post: failed, with Try again');
    await screenshots(page, 'console-posts-failed');
    expect(await xPostsOf(THANKS)).toHaveLength(0);

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Trying again: the post is going to X now').isVisible()).resolves.toBe(true);
    await stack.settle();
    await page.goto(`${postsUrl()}/${created.body.postId}`);

    await expect(page.getByText('Posted', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'post: posted after trying again');
    expect(await xPostsOf(THANKS)).toHaveLength(1);
  });
});

describe('without JavaScript, on a phone', () => {
  let plain: Page;
  beforeAll(async () => {
    plain = await openPage(browser, viewports.phone);
    // The pages' scripts never load, as on a browser without JavaScript (axe still runs: it is injected).
    await plain.route('**/assets/*.js', (route) => route.abort());
    await signInToConsole(plain, stack.url, 'comms', `/console/events/${eventId}/posts/new`);
  }, 120_000);

  it('schedules a thread from the blank parts the form shows, at a date and time', async () => {
    await expect(plain.getByLabel('Part 3').isVisible()).resolves.toBe(true);
    await expect(plain.getByRole('button', { name: 'Add another part' }).count()).resolves.toBe(0);
    await expectNoHorizontalScroll(plain);
    await expectAccessible(plain, 'compose: without JavaScript, on a phone');

    await plain.getByLabel('Part 1').fill('Registration opens today');
    await plain.getByLabel('Part 3').fill('Places are limited');
    await plain.getByLabel('At a date and time').check();
    const opens = DateTime.fromISO(day()).minus({ days: 30 });
    await plain.getByLabel('Day', { exact: true }).fill(String(opens.day));
    await plain.getByLabel('Month').fill(String(opens.month));
    await plain.getByLabel('Year').fill(String(opens.year));
    await plain.getByLabel('Time', { exact: true }).fill('9am');
    await plain.getByRole('button', { name: 'Schedule post' }).click();

    await expect(plain.getByText('Post scheduled').isVisible()).resolves.toBe(true);
    const row = plain
      .getByRole('row')
      .filter({ has: plain.getByRole('link', { name: 'Registration opens today' }) });
    await expect(row.getByText('Thread of 2 parts').isVisible()).resolves.toBe(true);
    await expect(
      row.getByText(opens.setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' 09:00")).isVisible(),
    ).resolves.toBe(true);
    await expectNoHorizontalScroll(plain);
  }, 120_000);
});

describe('what the comms team cannot open', () => {
  it('refuses the registrations with a 403 page', async () => {
    const answer = await page.goto(`${stack.url}/console/events/${eventId}/registrations`);

    expect(answer?.status()).toBe(403);
    await expect(heading('You cannot use this page').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'registrations: refused to comms');
  });
});
