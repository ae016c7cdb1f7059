import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import QRCode from 'qrcode';
import type { LocalStack } from '../../infra/local/stack';
import { checkInCode } from '../../shared/domain/tokens';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
  screenshots,
} from '../support/browser';
import { signInToConsole } from '../support/console';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

/** A phone held at the registration desk. */
const DESK_PHONE = { width: 360, height: 740 };

let stack: LocalStack;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  page = await openPage(browser, DESK_PHONE);
}, 120_000);
afterAll(async () => {
  reportAccessibilityChecks('console-door');
  await browser?.close();
  await stack?.stop();
});

interface Delegate {
  readonly name: string;
  readonly email: string;
  readonly registrationId: string;
}

const register = async (eventId: string, name: string, organisation: string): Promise<Delegate> => {
  const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email, organisation, sessions: ['ws-a'] },
  });
  return { name, email, registrationId: accepted.body.registrationId };
};

const codeOf = (d: Delegate): string => checkInCode(stack.linkKey, d.registrationId);

/** Each state the desk sees: axe, and nothing wider than the phone. */
const check = async (state: string): Promise<void> => {
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, state);
};

/** The outcome banner's words (a success banner is an alert; "nothing changed" is a plain notice). */
const banner = (text: string | RegExp) =>
  page.getByText(text, typeof text === 'string' ? { exact: true } : {});
const count = (text: string) => page.getByText(text, { exact: true });
const focusedId = () => page.evaluate<string>('document.activeElement?.id ?? ""');
const focusedText = () =>
  page.evaluate<string>('document.activeElement?.textContent?.replace(/\\s+/g, " ").trim() ?? ""');

let eventId: string;
let ada: Delegate;
let ben: Delegate;
let cara: Delegate;
let dan: Delegate;

describe('the door on the day: an organiser checks delegates in from a phone', () => {
  beforeAll(async () => {
    eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 10 }));
    ada = await register(eventId, 'Ada Lovelace', 'Hilltop Primary');
    ben = await register(eventId, 'Ben Okafor', 'Riverside Academy');
    cara = await register(eventId, 'Cara Nwosu', 'Hilltop Primary');
    dan = await register(eventId, 'Dan Ó Briain', 'St Mary’s High School');
    await stack.settle();
    await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/door`);
  }, 60_000);

  it('finds a delegate by part of their name as it is typed, and checks them in with one tap', async () => {
    await expect(count('0 of 4 checked in').isVisible()).resolves.toBe(true);
    await expect(focusedId()).resolves.toBe('q');
    await check('door: nobody in yet');

    await page.getByLabel('Find a delegate').fill('lovel');

    await expect(page.getByRole('button', { name: 'Check in Ada Lovelace' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Check in Ben Okafor' }).count()).resolves.toBe(0);
    await expect(page.getByText('1 delegate found').waitFor()).resolves.toBeUndefined();
    await check('door: a name typed');
    await screenshots(page, 'console-door-search');

    await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();

    await expect(banner('Ada Lovelace is checked in').waitFor()).resolves.toBeUndefined();
    await expect(count('1 of 4 checked in').isVisible()).resolves.toBe(true);
    // Ready for the next person: the search box has focus again, and is empty.
    await expect(focusedId()).resolves.toBe('q');
    await expect(page.getByLabel('Find a delegate').inputValue()).resolves.toBe('');
    await check('door: checked in');
    await screenshots(page, 'console-door');
  });

  it('checking in again (their code typed) says so, with the first time, and changes nothing', async () => {
    const code = codeOf(ada);
    await page.getByLabel('Check-in code').fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
    await page.getByRole('button', { name: 'Check in by code' }).click();

    await expect(
      banner(/^Ada Lovelace was already checked in at \d\d:\d\d – nothing changed$/).waitFor(),
    ).resolves.toBeUndefined();
    await expect(count('1 of 4 checked in').isVisible()).resolves.toBe(true);
    await check('door: already checked in');
  });

  it('undoes a check-in', async () => {
    await page.getByLabel('Find a delegate').fill('ada');
    await expect(page.getByText(/^Checked in \d\d:\d\d$/).isVisible()).resolves.toBe(true);

    await page
      .getByRole('listitem')
      .filter({ hasText: 'Ada Lovelace' })
      .getByRole('button', { name: 'Undo check-in for Ada Lovelace' })
      .click();

    await expect(banner('Check-in undone').waitFor()).resolves.toBeUndefined();
    await expect(banner('Ada Lovelace is no longer checked in.').isVisible()).resolves.toBe(true);
    await expect(count('0 of 4 checked in').isVisible()).resolves.toBe(true);
    const view = await api.call<{ attended?: boolean }>('GET', `/registrations/${ada.registrationId}`);
    expect(view.body.attended).toBeUndefined();
    await check('door: check-in undone');
  });

  it('checks in from a photo of the QR code in the mail or on the phone', async () => {
    const photo = await QRCode.toBuffer(codeOf(ben), { type: 'png', scale: 8 });

    await page.getByLabel('Or take a photo of the QR code').setInputFiles({
      name: 'qr.png',
      mimeType: 'image/png',
      buffer: photo,
    });

    await expect(banner('Ben Okafor is checked in').waitFor()).resolves.toBeUndefined();
    await expect(count('1 of 4 checked in').isVisible()).resolves.toBe(true);
    await check('door: checked in from a photo');
  });

  it('reads the QR code of the confirmation mail itself, sent as an inline image beside the code', async () => {
    const [mail] = await stack.ses.mail(dan.email);
    // As a mail program reads it: the HTML shows the image by its Content-ID, beside the code as text.
    const parsed = await simpleParser(mail?.raw ?? '', { keepCidLinks: true });
    expect(parsed.text).toContain(`Check-in code: ${codeOf(dan)}`);
    expect(parsed.html).toContain('src="cid:check-in-code@convene"');
    expect(mail?.raw).toMatch(/Content-Type: multipart\/related/i);
    const image = parsed.attachments.find((a) => a.cid === 'check-in-code@convene');
    expect(image).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', related: true });

    await page.getByLabel('Or take a photo of the QR code').setInputFiles({
      name: 'check-in-code.png',
      mimeType: 'image/png',
      buffer: image?.content ?? Buffer.alloc(0),
    });

    await expect(banner('Dan Ó Briain is checked in').waitFor()).resolves.toBeUndefined();
    await expect(count('2 of 4 checked in').isVisible()).resolves.toBe(true);
  });

  it('checks in with the keyboard alone: type, Tab to the person, Enter', async () => {
    await expect(focusedId()).resolves.toBe('q');
    await page.keyboard.type('hilltop nw');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(focusedText()).resolves.toBe(`Check in ${cara.name}`);

    await page.keyboard.press('Enter');

    await expect(banner('Cara Nwosu is checked in').waitFor()).resolves.toBeUndefined();
    await expect(count('3 of 4 checked in').isVisible()).resolves.toBe(true);
    await expect(focusedId()).resolves.toBe('q');
  });

  it('says what to do about a code that is nobody’s', async () => {
    await page.getByLabel('Check-in code').fill('ZZZZ ZZZZ');
    await page.getByRole('button', { name: 'Check in by code' }).click();

    await expect(
      page.getByRole('heading', { name: 'There is a problem' }).waitFor(),
    ).resolves.toBeUndefined();
    await expect(
      page.getByRole('link', { name: /No one booked on this event has that code/ }).isVisible(),
    ).resolves.toBe(true);
    await check('door: unknown code');
  });

  it('registers a walk-in and checks them in at once', async () => {
    await page.getByRole('link', { name: 'Register a walk-in' }).click();
    await expect(
      page.getByRole('heading', { name: 'Register a walk-in' }).waitFor(),
    ).resolves.toBeUndefined();
    await check('walk-in form');
    await screenshots(page, 'console-door-walk-in');

    await page.getByRole('button', { name: 'Register and check in' }).click();
    await expect(
      page.getByRole('link', { name: 'Enter their full name' }).waitFor(),
    ).resolves.toBeUndefined();
    await check('walk-in form: nothing entered');

    await page.getByLabel('Full name').fill('Esi Mensah');
    await page.getByLabel('Email address').fill(uniqueEmail('esi'));
    await page.getByLabel('School or organisation (optional)').fill('Riverside Academy');
    await page.getByLabel('Workshop B').check();
    await page.getByRole('button', { name: 'Register and check in' }).click();

    await expect(banner('Esi Mensah is registered and checked in').waitFor()).resolves.toBeUndefined();
    await expect(count('4 of 5 checked in').isVisible()).resolves.toBe(true);
    await check('door: walk-in checked in');
  });
});

describe('the check-in code for the delegate', () => {
  it('the manage page shows the code and its QR code', async () => {
    const [mail] = await stack.ses.mail(ada.email);
    const link = /https?:\/\/\S+\/registrations\/\S+\?token=[\w.-]+/.exec(mail?.body.text ?? '')?.[0];
    const delegatePage = await openPage(browser);
    try {
      await delegatePage.goto(link ?? '');
      await expect(delegatePage.getByText(codeOf(ada), { exact: true }).isVisible()).resolves.toBe(true);
      await expect(
        delegatePage.getByRole('img', { name: `QR code of your check-in code, ${codeOf(ada)}` }).isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(delegatePage, 'manage page with the QR code');
    } finally {
      await delegatePage.context().close();
    }
  });
});
