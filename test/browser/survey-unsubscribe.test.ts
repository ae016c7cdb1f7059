// Code passed to page.evaluate runs in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
} from '../support/browser';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let page: Page;

let event: CreateEventRequest;
let eventId: string;
const answering = uniqueEmail('answers-survey');
const leaving = uniqueEmail('unsubscribes');

const survey: NonNullable<CreateEventRequest['survey']> = {
  daysAfter: 1,
  at: '09:00',
  closesAfterDays: 7,
  questions: [
    { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
    { id: 'recommend', kind: 'nps', prompt: 'How likely are you to recommend it to a colleague?' },
    { id: 'best', kind: 'choice', prompt: 'What was the best part?', options: ['Keynote', 'Workshops'] },
    { id: 'comments', kind: 'text', prompt: 'Anything else you would like to tell us?' },
  ],
};

/** The instant `days` after the event's day at `time`, in London. */
const dayAfter = (days: number, time: string): Date =>
  DateTime.fromISO(`${event.startsAt.slice(0, 10)}T${time}`, { zone: 'Europe/London' })
    .plus({ days })
    .toJSDate();

/** An attribute's text as the browser reads it (the mail's HTML escapes `=` in links as `&#x3D;`). */
const decodeEntities = (text: string): string =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The link a mail's HTML part offers to a path (`/surveys/`, `/unsubscribe?`), as a person would click it. */
const linkInMail = async (address: string, subject: RegExp, path: string): Promise<string> => {
  const mail = (await stack.ses.mail(address)).find((m) => subject.test(m.subject));
  const href = [...(mail?.body.html ?? '').matchAll(/href="([^"]+)"/g)]
    .map((m) => decodeEntities(m[1]!))
    .find((url) => url.includes(path));
  if (!href) throw new Error(`No ${path} link in the mail "${mail?.subject}" to ${address}`);
  return href;
};

/** Presses Tab, as a keyboard user does, until `target` has the focus. */
const tabTo = async (target: Locator): Promise<void> => {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tabbing never reached the element');
};

/** Every page and state: a person at 320 px never scrolls sideways, and axe finds nothing. */
const checkPage = async (state: string): Promise<void> => {
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, state);
};

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Whether what a person looks for shows up (after a post or a link, once the next page has loaded). */
const visible = (target: Locator): Promise<boolean> =>
  target.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  page = await openPage(browser);
  event = { ...smallConference(stack.clock.now()), survey };
  eventId = await publishedEvent(stack, api, event);
  for (const email of [answering, leaving]) {
    const registered = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Delegate', email },
    });
    expect(registered.status).toBe(202);
  }
  await stack.settle();
}, 180_000);
afterAll(async () => {
  reportAccessibilityChecks('survey-unsubscribe');
  await browser?.close();
  await stack?.stop();
});

describe('a delegate unsubscribes from a campaign mail', () => {
  it("follows the mail's unsubscribe link, presses the button and sees that it is done", async () => {
    // Arrange: an organiser's campaign reaches the delegate.
    const campaign = await api.call('POST', `/events/${eventId}/campaigns`, {
      body: {
        subject: 'Parking at the venue',
        text: 'Dear {{name}}, parking for {{event.title}} is behind the hall.',
        audience: { status: ['confirmed'] },
      },
      as: 'organisers',
    });
    expect(campaign.status).toBe(202);
    await stack.settle();
    const link = await linkInMail(leaving, /Parking/, '/unsubscribe?');

    // Act: the link opens a page that changes nothing until the button is pressed.
    await page.goto(link);
    expect(await visible(heading('Unsubscribe from event updates'))).toBe(true);
    expect(await visible(page.getByRole('link', { name: 'Trust leaders day', exact: true }))).toBe(true);
    await checkPage('unsubscribe: the page the link opens');
    await screenshots(page, 'unsubscribe-page');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();

    // Assert
    expect(await visible(heading('You are unsubscribed'))).toBe(true);
    expect(await visible(page.getByText('confirmations, reminders, changes to your place'))).toBe(true);
    await expect(
      page.getByRole('link', { name: 'go to the Trust leaders day page' }).getAttribute('href'),
    ).resolves.toBe(`/events/${eventId}`);
    await checkPage('unsubscribe: done');
    await screenshots(page, 'unsubscribe-done');
  });

  it('says so in words when the link does not work', async () => {
    const response = await page.goto(`${stack.url}/unsubscribe?token=not-a-token`);

    expect(response?.status()).toBe(403);
    expect(await visible(heading('This link does not work'))).toBe(true);
    await checkPage('unsubscribe: a link that does not work');
  });
});

describe('a delegate answers the survey from the invitation, with the keyboard only', () => {
  let surveyLink: string;

  beforeAll(async () => {
    await stack.advanceClock(dayAfter(1, '09:05'));
    surveyLink = await linkInMail(answering, /feedback/i, '/surveys/');
  });

  it('is told what to fix when a required question is left out, with the answers kept', async () => {
    // Arrange
    await page.goto(surveyLink);
    expect(await visible(heading('How was Trust leaders day?'))).toBe(true);
    await checkPage('survey: the form');
    await screenshots(page, 'survey-page');

    // Act: the score of 0-10 (Tab into the group, arrows to 8), a word, and send, skipping the required rating.
    await tabTo(page.getByRole('radio', { name: '0 – Not at all likely' }));
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
    await tabTo(page.getByRole('textbox', { name: 'Anything else you would like to tell us? (optional)' }));
    await page.keyboard.type('More time for questions, please.');
    await tabTo(page.getByRole('button', { name: 'Send your answers' }));
    await page.keyboard.press('Enter');

    // Assert
    expect(await visible(page.getByRole('alert').getByText('There is a problem'))).toBe(true);
    const fix = page.getByRole('link', { name: 'Select an answer to ‘How was the day overall?’' });
    expect(await visible(fix)).toBe(true);
    await expect(page.getByRole('radio', { name: '8', exact: true }).isChecked()).resolves.toBe(true);
    await expect(
      page.getByRole('textbox', { name: 'Anything else you would like to tell us? (optional)' }).inputValue(),
    ).resolves.toBe('More time for questions, please.');
    await checkPage('survey: a required question left out');
    await screenshots(page, 'survey-page-error');
  });

  it('answers the question from the error link and sees the thank-you', async () => {
    // Act: the error summary's link takes the focus to the question; Space chooses, arrows move to 4.
    await tabTo(page.getByRole('link', { name: 'Select an answer to ‘How was the day overall?’' }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('radio', { name: '1 – Poor' }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '4 – Very good' }).isChecked()).resolves.toBe(true);
    await tabTo(page.getByRole('button', { name: 'Send your answers' }));
    await page.keyboard.press('Enter');

    // Assert
    expect(await visible(heading('Thank you for your feedback'))).toBe(true);
    expect(await visible(page.getByText('Your answers have been sent'))).toBe(true);
    await checkPage('survey: thank you');
    await screenshots(page, 'survey-thanks');
    const results = await api.call<{ responded: number }>('GET', `/events/${eventId}/survey-results`, {
      as: 'organisers',
    });
    expect(results.body.responded).toBe(1);
  });

  it('sees "already answered" on opening the link again', async () => {
    await page.goto(surveyLink);

    expect(await visible(heading('You have already answered this survey'))).toBe(true);
    await checkPage('survey: already answered');
  });

  it('sees a page in words for a link that does not work, and once the survey has closed', async () => {
    const broken = await page.goto(`${surveyLink}x`);
    expect(broken?.status()).toBe(403);
    expect(await visible(heading('This link does not work'))).toBe(true);
    await checkPage('survey: a link that does not work');

    await stack.advanceClock(dayAfter(8, '09:01'));
    const closed = await page.goto(surveyLink);

    expect(closed?.status()).toBe(410);
    expect(await visible(heading('This survey has closed'))).toBe(true);
    await checkPage('survey: closed');
  });
});

describe('the privacy notice and the accessibility statement', () => {
  it('are reached from every page’s footer and pass axe', async () => {
    await page.goto(`${stack.url}/unsubscribe?token=not-a-token`);

    await page.getByRole('link', { name: 'Privacy notice' }).click();
    expect(await visible(heading('Privacy notice'))).toBe(true);
    expect(await visible(page.getByRole('heading', { name: 'Your rights' }))).toBe(true);
    await checkPage('privacy notice');
    await screenshots(page, 'privacy-notice');

    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    expect(await visible(heading('Accessibility statement for Convene'))).toBe(true);
    expect(await visible(page.getByRole('heading', { name: 'Enforcement procedure' }))).toBe(true);
    await checkPage('accessibility statement');
    await screenshots(page, 'accessibility-statement');
  });
});
