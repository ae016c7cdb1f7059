import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { checkInCode, signToken } from '../../shared/domain/tokens';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
} from '../support/browser';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  page = await openPage(browser);
}, 120_000);
afterAll(async () => {
  reportAccessibilityChecks('manage');
  await browser?.close();
  await stack?.stop();
});

interface Delegate {
  readonly email: string;
  readonly registrationId: string;
  /** The manage link as the mail gives it. */
  readonly link: string;
}

/** Registers through the JSON API and takes the manage link from the mail in the local SES. */
const register = async (eventId: string, name: string, sessions: string[]): Promise<Delegate> => {
  const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email, sessions },
  });
  await stack.settle();
  const text = (await stack.ses.mail(email))[0]?.body.text ?? '';
  const link = /https?:\/\/\S+\/registrations\/\S+\?token=[\w.-]+/.exec(text)?.[0];
  if (!link) throw new Error(`No manage link in the mail to ${email}`);
  return { email, registrationId: accepted.body.registrationId, link };
};

const statusOf = async (registrationId: string) =>
  (await api.call<{ status: string }>('GET', `/registrations/${registrationId}`)).body.status;

const heading = (name: string) => page.getByRole('heading', { level: 1, name });

/** Each state a person sees: axe, and nothing wider than a 320 px phone. */
const check = async (state: string): Promise<void> => {
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, state);
};

let eventId: string;
let ada: Delegate;
let ben: Delegate;

describe('a delegate manages their booking from the link in their mail', () => {
  beforeAll(async () => {
    // One place: Ada has it, Ben waits for it.
    eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    ada = await register(eventId, 'Ada Lovelace', ['ws-a']);
    ben = await register(eventId, 'Ben Okafor', []);
  }, 60_000);

  it('the page after registering shows the outcome, without a token', async () => {
    await page.goto(`${stack.url}/registrations/${ada.registrationId}`);

    await expect(heading('You have a place').isVisible()).resolves.toBe(true);
    await expect(
      page.getByText('We have emailed your booking and a link to manage it', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Ada Lovelace').count()).resolves.toBe(0);
    await check('status page: booked');

    await page.goto(`${stack.url}/registrations/${ben.registrationId}`);
    await expect(heading('You are on the waiting list').isVisible()).resolves.toBe(true);
    await check('status page: waiting');
  });

  it('shows the booking: status, the day, date and venue, the check-in code', async () => {
    expect(manageLinkIn(ada.link).registrationId).toBe(ada.registrationId);

    await page.goto(ada.link);

    await expect(heading('Your booking').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Booked', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Check-in code', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByText(checkInCode(stack.linkKey, ada.registrationId), { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Leeds Civic Hall').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Opening keynote').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Workshop A').isVisible()).resolves.toBe(true);
    await check('manage page: booked');
    await screenshots(page, 'manage-page');
  });

  it('downloads the booking for a calendar', async () => {
    await page.goto(ada.link);
    const link = page.getByRole('link', { name: 'Add to calendar' });
    const href = (await link.getAttribute('href')) ?? '';

    const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);

    expect(saved.suggestedFilename()).toMatch(/\.ics$/);
    const file = readFileSync((await saved.path()) ?? '', 'utf8');
    expect(file).toContain('BEGIN:VEVENT');
    const answer = await page.request.get(`${stack.url}${href}`);
    expect(answer.headers()['content-type']).toContain('text/calendar');
  });

  it('changes a workshop: sees the banner and the new choice, and gets an updated mail', async () => {
    await page.goto(ada.link);
    await page.getByRole('link', { name: 'Change your workshops' }).click();
    await expect(heading('Change your workshops').isVisible()).resolves.toBe(true);
    await check('change form');

    await page.getByLabel('Workshop B').check();
    await page.getByRole('button', { name: 'Save your workshop choices' }).click();

    await expect(page.getByText('Your workshop choices have been updated').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Workshop B').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Workshop A').count()).resolves.toBe(0);
    await check('manage page: workshops updated');
    await stack.settle();
    const mails = await stack.ses.mail(ada.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.body.text).toContain('Workshop B');
  });

  it('shows the change form again, with an error, when it was out of date', async () => {
    await page.goto(ada.link);
    await page.getByRole('link', { name: 'Change your workshops' }).click();
    // The form's own value as a form left open too long would send it.
    await page.route('**/sessions', (route) =>
      route.continue({
        postData: (route.request().postData() ?? '').replace(/formToken=[^&]*/, 'formToken=old'),
      }),
    );

    await page.getByLabel('Workshop A', { exact: true }).check();
    await page.getByRole('button', { name: 'Save your workshop choices' }).click();

    await expect(page.getByRole('heading', { name: 'There is a problem' }).isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole('link', { name: 'The form was out of date. Check your answers and submit again.' })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByLabel('Workshop A', { exact: true }).isChecked()).resolves.toBe(true);
    await check('change form: out of date');
    // Taken off only once the page has loaded: unrouted while its assets were on their way, the page's
    // load event once never came (CI, 30 s).
    await page.unroute('**/sessions');
  });

  it('cancels through the confirmation step; the first waiting delegate gets the place', async () => {
    await page.goto(ada.link);
    await page.getByRole('link', { name: 'Cancel your booking' }).click();
    await expect(heading('Are you sure you want to cancel your booking?').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Your place will go to the next person waiting.').isVisible()).resolves.toBe(
      true,
    );
    await check('cancel: are you sure');

    await page.getByRole('button', { name: 'Yes, cancel my booking' }).click();

    await expect(page.getByText('Your booking has been cancelled').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Cancelled', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Cancel your booking' }).count()).resolves.toBe(0);
    await check('manage page: cancelled');
    await stack.settle();
    expect(await statusOf(ben.registrationId)).toBe('confirmed');
  });

  it('a tampered link says so and offers the resend form, which answers the same for any address', async () => {
    await page.goto(ada.link.replace(/.{4}$/, 'AAAA'));

    await expect(heading('This link does not work').isVisible()).resolves.toBe(true);
    await check('bad link');

    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await expect(page.getByRole('link', { name: 'Enter your email address' }).isVisible()).resolves.toBe(
      true,
    );
    await check('resend form: no address');

    await page.getByLabel('Email address').fill(ben.email);
    await page.getByRole('button', { name: 'Send me a new link' }).click();

    await expect(heading('Check your email').isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByText('If that address is registered for this event, we have sent the link again.')
        .isVisible(),
    ).resolves.toBe(true);
    await check('resend: sent');
    await stack.settle();
    expect(await stack.ses.mail(ben.email)).toHaveLength(3);
  });

  it('an expired link says so', async () => {
    const expired = signToken(
      stack.linkKey,
      'manage',
      ben.registrationId,
      new Date(stack.clock.nowMs() - 1000),
    );

    await page.goto(`${stack.url}/registrations/${ben.registrationId}?token=${expired}`);

    await expect(heading('This link has expired').isVisible()).resolves.toBe(true);
    await check('expired link');
  });
});
