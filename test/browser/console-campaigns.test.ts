// Code passed to locator.evaluate runs in the browser.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
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

let stack: LocalStack;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;
let eventId: string;

interface Delegate {
  readonly name: string;
  readonly email: string;
}

const delegate = (name: string): Delegate => ({
  name,
  email: uniqueEmail(name.split(' ')[0]!.toLowerCase()),
});
// Ada registers first, so she is the first of Workshop A's audience: the preview is rendered for her.
const ada = delegate('Ada Lovelace');
const ben = delegate('Ben Okafor');
const cara = delegate('Cara Singh');
const dev = delegate('Dev Patel');

const register = async (who: Delegate, workshop: string, news: boolean): Promise<void> => {
  const accepted = await api.call('POST', `/events/${eventId}/registrations`, {
    body: { name: who.name, email: who.email, sessions: [workshop], consent: { updates: news } },
  });
  expect(accepted.status).toBe(202);
  await stack.settle();
};

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  // Workshop A: Ada (wants news) and Ben (does not); Workshop B runs at the same time: Cara and Dev.
  await register(ada, 'ws-a', true);
  await register(ben, 'ws-a', false);
  await register(cara, 'ws-b', true);
  await register(dev, 'ws-b', true);
  page = await openPage(browser, viewports.desktop);
  await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/campaigns`);
}, 400_000);
afterAll(async () => {
  reportAccessibilityChecks('console-campaigns');
  await browser?.close();
  await stack?.stop();
});

const campaignsUrl = () => `${stack.url}/console/events/${eventId}/campaigns`;
const heading = (name: string) => page.getByRole('heading', { level: 1, name });
const liveCount = () => page.locator('[data-campaign-count]');
const scheduleNames = async () =>
  (await api.call<{ name: string }[]>('GET', '/local/schedules')).body.map((s) => s.name);
const subjectsTo = async (who: Delegate) => (await stack.ses.mail(who.email)).map((m) => m.subject);

/** Waits (the live count and the progress refresh by themselves) until the element reads `text`. */
const toRead = async (locator: Locator, text: string, contains = false): Promise<void> => {
  let seen = '';
  for (let i = 0; i < 200; i += 1) {
    seen = ((await locator.textContent()) ?? '').trim();
    if (contains ? seen.includes(text) : seen === text) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seen).toBe(text);
};

const SUBJECT = 'Room change for {{name}}';
const TEXT = 'Dear {{name}},\n\nWorkshop A has moved to room 12.\n\nManage your booking: {{manageUrl}}';

describe('an organiser sends a campaign to one workshop', () => {
  it('composes it, sees the live count and a preview for a real delegate, sends it and sees it complete', async () => {
    // Arrange
    await heading('Campaigns').waitFor();
    await page.getByText('There are no campaigns for this event yet.').waitFor();
    await expectAccessible(page, 'campaigns: none yet');
    await page.getByRole('button', { name: 'Write a campaign' }).click();
    await heading('Write a campaign').waitFor();
    await toRead(liveCount(), '4 people will get it.');
    await expectAccessible(page, 'compose: blank, with the live count');

    // Act: write it and choose the audience, watching the count
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Message').fill(TEXT);
    await page
      .getByLabel('HTML version (optional)')
      .fill(
        '<h1>Room change</h1><p id="moved">Dear {{name}}, Workshop A has moved to room 12.</p>' +
          '<script>document.getElementById("moved").textContent = "The script ran";</script>',
      );
    await page.getByLabel('Workshop A, 11:00 to 12:00').check();
    await toRead(liveCount(), '2 people will get it.');
    await page.getByRole('radio', { name: 'News or other events' }).check();
    await toRead(liveCount(), '1 person will get it. Left out: 1 did not agree to get news by email.');
    await expectAccessible(page, 'compose: live count with someone left out');
    await screenshots(page, 'console-campaign-compose');
    await page.getByRole('radio', { name: 'This event' }).check();
    await toRead(liveCount(), '2 people will get it.');
    await page.getByRole('button', { name: 'Preview' }).click();

    // Assert: the check page, the mail rendered for Ada
    await heading('Check your campaign').waitFor();
    await page.getByText('2 people will get it', { exact: true }).waitFor();
    await page.getByText('Room change for Ada Lovelace').waitFor();
    const mailText = page.getByRole('region', { name: 'Message' });
    await toRead(mailText, 'Dear Ada Lovelace,\n\nWorkshop A has moved to room 12.', true);
    await toRead(mailText, 'unsubscribe', true);
    await expectAccessible(page, 'preview: who gets it and the mail');
    await screenshots(page, 'console-campaign-preview');

    // The HTML version opens on its own, sandboxed: shown as written, its script never runs.
    const [tab, shown] = await Promise.all([
      page.context().waitForEvent('page'),
      page.context().waitForEvent('response', (r) => r.url().endsWith('/campaigns/preview')),
      page.getByRole('button', { name: 'Open the HTML version (opens in new tab)' }).click(),
    ]);
    expect(shown.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    await tab.waitForLoadState();
    await tab.getByRole('heading', { name: 'Room change' }).waitFor();
    await tab.getByText('Dear Ada Lovelace, Workshop A has moved to room 12.').waitFor();
    await tab.close();

    // Act: send it
    const sendForm = page.locator('form', { has: page.getByRole('button', { name: 'Send to 2 people' }) });
    const posted = await sendForm.evaluate((form) =>
      [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)]),
    );
    await page.getByRole('button', { name: 'Send to 2 people' }).click();
    await page.waitForURL(/\/campaigns\/cmp_[a-z0-9]+\?done=sending$/i);
    const detailUrl = page.url().replace(/\?.*$/, '');
    await page.getByText('Your campaign is being sent').waitFor();
    await expectAccessible(page, 'progress: just sent');
    await stack.settle();

    // Assert: the page says so by itself, and the mail went to Workshop A only
    await toRead(page.locator('[data-progress-announce]'), 'Sending has finished: 2 sent, 0 failed.');
    await toRead(page.locator('[data-progress-tag]'), 'Sent');
    await toRead(page.locator('[data-progress-count="sent"]'), '2');
    await expect(page.getByRole('button', { name: 'Cancel this campaign' }).isVisible()).resolves.toBe(false);
    await expectAccessible(page, 'progress: sent');
    await screenshots(page, 'console-campaign-progress');
    expect(await subjectsTo(ada)).toContain('Room change for Ada Lovelace');
    expect(await subjectsTo(ben)).toContain('Room change for Ben Okafor');
    for (const other of [cara, dev]) {
      expect((await subjectsTo(other)).filter((s) => s.startsWith('Room change'))).toEqual([]);
    }

    // The same form posted again (a refresh, a second click) answers the same campaign and sends nothing.
    const again = await page.request.post(`${campaignsUrl()}`, {
      form: Object.fromEntries(posted),
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(`${stack.url}${again.headers().location?.replace(/\?.*$/, '')}`).toBe(detailUrl);
    await stack.settle();
    expect((await subjectsTo(ada)).filter((s) => s.startsWith('Room change'))).toHaveLength(1);
  }, 120_000);

  it('schedules the same campaign for tomorrow, is asked about the duplicate, and cancels it', async () => {
    // Arrange
    const tomorrow = DateTime.fromJSDate(stack.clock.now(), { zone: 'Europe/London' }).plus({ days: 1 });
    await page.goto(`${campaignsUrl()}/new`);

    // Act
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Message').fill(TEXT);
    await page.getByLabel('Workshop A, 11:00 to 12:00').check();
    await page.getByLabel('Day', { exact: true }).fill(String(tomorrow.day));
    await page.getByLabel('Month').fill(String(tomorrow.month));
    await page.getByLabel('Year').fill(String(tomorrow.year));
    await page.getByLabel('Time', { exact: true }).fill('09:00');
    await page.getByRole('button', { name: 'Preview' }).click();
    const when = `${tomorrow.setLocale('en-GB').toFormat('cccc d LLLL yyyy')} at 09:00`;
    await page.getByText(when).waitFor();
    await page.getByRole('button', { name: 'Schedule the campaign' }).click();

    // Assert: the same content to the same people within ten minutes is asked about first
    await page.getByText('You sent this campaign less than 10 minutes ago').waitFor();
    await expectAccessible(page, 'preview: possible duplicate');
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await page.waitForURL(/\?done=scheduled$/);
    const schedule = `campaign-${/cmp_[a-z0-9]+/i.exec(page.url())?.[0]}`;
    expect(await scheduleNames()).toContain(schedule);
    await page.getByText('Your campaign is scheduled').waitFor();
    await page.getByText(`Scheduled for ${when}`).waitFor();
    await expectAccessible(page, 'progress: scheduled');

    // Act: cancel it
    await page.getByRole('button', { name: 'Cancel this campaign' }).click();
    await page.waitForURL(/\?done=cancelled$/);

    // Assert
    await page.getByText('The campaign is cancelled').first().waitFor();
    await toRead(page.locator('[data-progress-tag]'), 'Cancelled');
    await expect(page.getByRole('button', { name: 'Cancel this campaign' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'progress: cancelled');
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const rows = page.getByRole('row');
    await toRead(rows.nth(1), 'Cancelled', true);
    await toRead(rows.nth(2), 'Sent', true);
    await expectAccessible(page, 'campaigns: one sent, one cancelled');
    expect(await scheduleNames()).not.toContain(schedule);
  });

  it('keeps everything typed when the form is refused, at a phone’s width', async () => {
    // Arrange
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${campaignsUrl()}/new`);
    await page.getByLabel('Message').fill('Hello {{name}}');
    await page.getByLabel('HTML version (optional)').fill('<p>Hello {{name}}</p>');
    await page.getByLabel('Workshop B, 11:00 to 12:00').check();
    await page.getByLabel('Checked in on the day').check();
    await page.getByLabel('Day', { exact: true }).fill('4');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2099');
    await page.getByLabel('Time', { exact: true }).fill('14:30');

    // Act: no subject
    await page.getByRole('button', { name: 'Preview' }).click();

    // Assert
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter a subject' }).waitFor();
    await expect(page.getByLabel('Message').inputValue()).resolves.toBe('Hello {{name}}');
    await expect(page.getByLabel('HTML version (optional)').inputValue()).resolves.toBe(
      '<p>Hello {{name}}</p>',
    );
    await expect(page.getByLabel('Workshop B, 11:00 to 12:00').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Booked', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Checked in on the day').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2099');
    await expect(page.getByLabel('Time', { exact: true }).inputValue()).resolves.toBe('14:30');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'compose: refused, no subject');
  });

  it('keeps a long message in accented letters, and says when it is over the limit', async () => {
    // Arrange: 12,000 letters the schema takes, 72 KB as the browser sends them (over the old 64 KB form limit).
    await page.goto(`${campaignsUrl()}/new`);
    await page.getByLabel('Message').fill('é'.repeat(12_000));

    // Act: no subject
    await page.getByRole('button', { name: 'Preview' }).click();

    // Assert: the form again, with everything written
    await page.getByRole('link', { name: 'Enter a subject' }).waitFor();
    await expect(page.getByLabel('Message').inputValue()).resolves.toBe('é'.repeat(12_000));

    // Act: over the limit
    await page.getByLabel('Subject').fill('Nouvelles');
    await page.getByLabel('Message').fill('é'.repeat(15_001));
    await page.getByRole('button', { name: 'Preview' }).click();

    // Assert
    await page.getByRole('link', { name: 'The message must be 15,000 characters or less' }).waitFor();
    await expect(page.getByLabel('Message').inputValue()).resolves.toBe('é'.repeat(15_001));
  });
});
