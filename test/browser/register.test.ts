// Code passed to page.evaluate runs in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
  viewports,
  waitForLanding,
} from '../support/browser';
import { apiClient } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  // Workshops of two places, and Workshop B already taken by two delegates: its waiting list is open.
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { workshopCapacity: 2 }));
  for (const label of ['first', 'second']) {
    const booked = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Early bird', email: uniqueEmail(label), sessions: ['ws-b'] },
    });
    expect(booked.status).toBe(202);
  }
  await stack.settle();
}, 240_000);
afterAll(async () => {
  reportAccessibilityChecks('register');
  await browser?.close();
  await stack?.stop();
});

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
const tabTo = async (page: Page, target: Locator): Promise<void> => {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
};

const registrationsOf = async (email: string) =>
  (
    await api.call<{ registrations: { registrationId: string; email?: string; status: string }[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    )
  ).body.registrations.filter((r) => r.email === email);

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

describe('a delegate on a phone', () => {
  it('sees the event, its programme and the places left', async () => {
    // Arrange
    const page = await openPage(browser, viewports.phone);

    // Act
    const response = await page.goto(`${stack.url}/events/${eventId}`);

    // Assert
    expect(response?.status()).toBe(200);
    await expect(heading(page, 'Trust leaders day').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Programme' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Opening keynote' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Leeds Civic Hall').isVisible()).resolves.toBe(true);
    await expect(page.getByText('98 places left').isVisible()).resolves.toBe(true);
    const choice = page.getByRole('group', { name: 'Choose a workshop, 11:00 to 12:00' });
    await expect(choice.getByRole('radio', { name: 'Workshop A' }).isVisible()).resolves.toBe(true);
    await expect(choice.getByText('Full – join the waiting list').isVisible()).resolves.toBe(true);
    await expect(choice.getByRole('radio', { name: 'No workshop in this slot' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page.getByRole('link', { name: 'privacy notice', exact: true }).getAttribute('href'),
    ).resolves.toBe('/privacy');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'event page');
    await screenshots(page, 'event-page');
  });

  it('registers with the keyboard alone, after fixing what the form asked for, and gets one mail', async () => {
    // Arrange
    const page = await openPage(browser, viewports.phone);
    await page.goto(`${stack.url}/events/${eventId}`);
    const email = uniqueEmail('keyboard');
    const register = page.getByRole('button', { name: 'Register' });

    // Act: submit the empty form
    await tabTo(page, register);
    await Promise.all([page.waitForURL(`**/events/${eventId}/registrations`), page.keyboard.press('Enter')]);

    // Assert: the error summary, linked to each field
    await expect(page.getByRole('heading', { name: 'There is a problem' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Enter your full name' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Enter your email address' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'registration form with errors');
    await screenshots(page, 'event-page-errors');

    // Act: follow the summary to the field, fill in the form and choose a workshop, all by keyboard
    await tabTo(page, page.getByRole('link', { name: 'Enter your full name' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Full name').evaluate((e) => e === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.type('Siân Jones');
    await tabTo(page, page.getByLabel('Email address'));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel('School or organisation'));
    await page.keyboard.type('Oak Academy Trust');
    await tabTo(page, page.getByLabel('Role'));
    await page.keyboard.type('Head of maths');
    const morning = page.getByRole('group', { name: 'Choose a workshop, 11:00 to 12:00' });
    await tabTo(page, morning.getByRole('radio', { name: 'Workshop A' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Dietary needs'));
    await page.keyboard.type('Vegetarian');
    await tabTo(page, page.getByRole('checkbox', { name: /Email me news/ }));
    await page.keyboard.press('Space');
    await tabTo(page, register);
    const [outcome] = await Promise.all([
      page.waitForResponse((r) => /\/registrations\/reg_[a-z0-9]+$/.test(r.url())),
      page.waitForURL(/\/registrations\/reg_[a-z0-9]+$/),
      page.keyboard.press('Enter'),
    ]);

    // Assert: the registration's own page, one registration, one mail
    expect(outcome.status()).toBe(200);
    expect(page.url()).toMatch(new RegExp(`^${stack.url}/registrations/reg_[a-z0-9]+$`));
    const registrationId = page.url().split('/').at(-1);
    await stack.settle();
    const stored = await registrationsOf(email);
    expect(stored.map((r) => [r.registrationId, r.status])).toEqual([[registrationId, 'confirmed']]);
    const mails = await stack.ses.mail(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Trust leaders day');
  });

  it('is told an address is already registered, and offered the booking mail again', async () => {
    // Arrange
    const email = uniqueEmail('again');
    expect(
      (await api.call('POST', `/events/${eventId}/registrations`, { body: { name: 'Ann', email } })).status,
    ).toBe(202);
    await stack.settle();
    const page = await openPage(browser, viewports.phone);
    await page.goto(`${stack.url}/events/${eventId}`);

    // Act
    await page.getByLabel('Full name').fill('Ann Other');
    await page.getByLabel('Email address').fill(email);
    const [response] = await Promise.all([
      page.waitForResponse(`${stack.url}/events/${eventId}/registrations`),
      page.getByRole('button', { name: 'Register' }).click(),
    ]);

    // Assert
    expect(response.status()).toBe(409);
    await expect(
      page.getByRole('link', { name: 'This email address is already registered for this event' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Email my booking again' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Ann Other');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'already registered');
    expect(await registrationsOf(email)).toHaveLength(1);
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('double-clicks Register %s and gets one registration and one mail', async (_, javaScriptEnabled) => {
    // Arrange
    const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${stack.url}/events/${eventId}`);
    const email = uniqueEmail('double');
    await page.getByLabel('Full name').fill('Double Clicker');
    await page.getByLabel('Email address').fill(email);

    // Act
    await page.getByRole('button', { name: 'Register' }).dblclick();
    await waitForLanding(page, /\/registrations\/reg_[a-z0-9]+$/);
    await stack.settle();

    // Assert
    const stored = await registrationsOf(email);
    expect(stored).toHaveLength(1);
    expect(page.url()).toBe(`${stack.url}/registrations/${stored[0]!.registrationId}`);
    expect(await stack.ses.mail(email)).toHaveLength(1);
    await context.close();
  });
});

describe('a form left open in a tab for over a week', () => {
  it('is shown again with a message and the answers kept, and then goes through', async () => {
    // Arrange
    const page = await openPage(browser, viewports.phone);
    await page.goto(`${stack.url}/events/${eventId}`);
    const email = uniqueEmail('late');
    await page.getByLabel('Full name').fill('Late Lucy');
    await page.getByLabel('Email address').fill(email);
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 8 * 24 * 3600_000));

    // Act
    const [refused] = await Promise.all([
      page.waitForResponse(`${stack.url}/events/${eventId}/registrations`),
      page.getByRole('button', { name: 'Register' }).click(),
    ]);

    // Assert
    expect(refused.status()).toBe(403);
    await expect(
      page
        .getByRole('link', { name: 'The form was out of date. Check your answers and submit again.' })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(email);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'form out of date');
    expect(await registrationsOf(email)).toEqual([]);

    // Act: submit again
    await Promise.all([
      page.waitForURL(/\/registrations\/reg_[a-z0-9]+$/),
      page.getByRole('button', { name: 'Register' }).click(),
    ]);

    // Assert
    expect(await registrationsOf(email)).toHaveLength(1);
  });
});

describe('an event not open for registration', () => {
  it('is "Page not found" (404) while a draft', async () => {
    const draft = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const page = await openPage(browser, viewports.phone);

    const response = await page.goto(`${stack.url}/events/${draft.body.eventId}`);

    expect(response?.status()).toBe(404);
    await expect(heading(page, 'Page not found').isVisible()).resolves.toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'draft event');
  });

  it('says it has been cancelled (410)', async () => {
    const cancelledId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await api.call('POST', `/events/${cancelledId}/cancel`, { as: 'organisers' });
    await stack.settle();
    const page = await openPage(browser, viewports.phone);

    const response = await page.goto(`${stack.url}/events/${cancelledId}`);

    expect(response?.status()).toBe(410);
    await expect(heading(page, 'This event has been cancelled').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Register' }).count()).resolves.toBe(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'cancelled event');
  });

  // Last: it moves the stack's clock past the event.
  it('says registration has closed once the event is over, with no form', async () => {
    const ends = new Date(
      (await api.call<{ endsAtUtc: string }>('GET', `/events/${eventId}`)).body.endsAtUtc,
    );
    await stack.advanceClock(new Date(ends.getTime() + 3600_000));
    const page = await openPage(browser, viewports.phone);

    const response = await page.goto(`${stack.url}/events/${eventId}`);

    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Registration has closed' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('This event has finished.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Register' }).count()).resolves.toBe(0);
    await expect(page.getByText(/places? left|waiting list/).count()).resolves.toBe(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'finished event');
    await screenshots(page, 'event-page-closed');
  });
});
