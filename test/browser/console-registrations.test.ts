import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
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
  readonly school: string;
  registrationId?: string;
}

const ada: Delegate = { name: 'Ada Lovelace', email: uniqueEmail('ada'), school: 'Oak Academy' };
const ben: Delegate = { name: 'Ben Okafor', email: uniqueEmail('ben'), school: 'Hilltop Primary' };
const cara: Delegate = { name: 'Cara Singh', email: uniqueEmail('cara'), school: 'Oak Academy' };
// The local SES's mailbox simulator bounces this address for good, as SES's does.
const bo: Delegate = {
  name: 'Bo Bounce',
  email: 'bounce+console@simulator.amazonses.com',
  school: 'Elm School',
};

const register = async (who: Delegate, workshop: string): Promise<void> => {
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: who.name, email: who.email, organisation: who.school, sessions: [workshop] },
  });
  expect(accepted.status).toBe(202);
  who.registrationId = accepted.body.registrationId;
};

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { workshopCapacity: 10 }));
  await Promise.all([
    register(ada, 'ws-a'),
    register(ben, 'ws-b'),
    register(cara, 'ws-a'),
    register(bo, 'ws-b'),
  ]);
  await stack.settle();
  page = await openPage(browser, viewports.desktop);
  await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/registrations`);
}, 300_000);
afterAll(async () => {
  reportAccessibilityChecks('console-registrations');
  await browser?.close();
  await stack?.stop();
});

/** Each step's limit: the browser and the stack share two cores with other test files. */
const SLOW_MACHINE_MS = 120_000;

const listUrl = () => `${stack.url}/console/events/${eventId}/registrations`;
const heading = (name: string) => page.getByRole('heading', { level: 1, name });
const delegates = () => page.getByRole('table', { name: 'Delegates' });
/** The names the table shows, in alphabetical order (registrations list in the order they arrived). */
const namesInTable = async (): Promise<string[]> =>
  (await delegates().getByRole('link').allTextContents()).map((t) => t.trim()).sort();
const rowOf = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

/** Waits, the page changing by itself (a reload once a change is made), until `locator` is visible. */
const toShow = async (locator: Locator): Promise<void> => {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
};

describe('an organiser works with the registrations', () => {
  it(
    'searches and filters the table, with places per workshop',
    async () => {
      // Arrange
      await expect(heading('Registrations').isVisible()).resolves.toBe(true);
      const places = page.getByRole('table', { name: 'Places taken and waiting lists' });
      await expect(rowOf(places, 'Workshop A').textContent()).resolves.toMatch(/2 of 10\s*0/);
      expect(await namesInTable()).toEqual(['Ada Lovelace', 'Ben Okafor', 'Bo Bounce', 'Cara Singh']);
      await expectAccessible(page, 'registrations: all');

      // Act: search by school (the form, as without JavaScript)
      await page.getByLabel('Search by name, email or school').fill('oak');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\?q=oak/);

      // Assert
      expect(await namesInTable()).toEqual(['Ada Lovelace', 'Cara Singh']);
      await expect(page.getByText('2 of 4 registrations match.').isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'registrations: searched');

      // Act: a filter on top, then one that matches nobody
      await page.getByLabel('Search by name, email or school').fill('');
      await page.getByLabel('Workshop').selectOption({ label: 'Workshop B' });
      await page.getByLabel('Checked in').selectOption({ label: 'Not checked in' });
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/workshop=ws-b/);
      expect(await namesInTable()).toEqual(['Ben Okafor', 'Bo Bounce']);
      await page.getByLabel('Checked in').selectOption({ label: 'Checked in' });
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/attended=yes/);
      await expect(page.getByText('No delegates match.', { exact: false }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'registrations: nobody matches');

      // The search narrows as the organiser types (JavaScript), by the server's rule
      await page.getByRole('link', { name: 'Clear search and filters' }).click();
      await page.getByLabel('Search by name, email or school').fill('siân hilltop');
      await toShow(page.getByText('0 of 4 registrations match.'));
      await page.getByLabel('Search by name, email or school').fill('singh');
      await toShow(page.getByText('1 of 4 registrations match.'));
      await expect(page.getByRole('link', { name: 'Cara Singh' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: 'Ada Lovelace' }).isVisible()).resolves.toBe(false);
    },
    SLOW_MACHINE_MS,
  );

  it(
    "opens a delegate and sees their confirmation mail as sent, at a phone's width too",
    async () => {
      await page.goto(listUrl());
      await page.getByRole('link', { name: 'Ada Lovelace' }).click();

      await expect(heading('Ada Lovelace').isVisible()).resolves.toBe(true);
      await expect(page.getByText(ada.email).isVisible()).resolves.toBe(true);
      const mails = page.getByRole('table', { name: 'Mail to them, newest first' });
      const confirmation = rowOf(mails, 'Booking confirmed');
      await expect(confirmation.getByText('Sent', { exact: true }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'delegate: booked, confirmation sent');
      await page.setViewportSize(viewports.phone);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'delegate: at 320 px');
      await page.setViewportSize(viewports.desktop);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'moves them to the other workshop',
    async () => {
      await page.getByRole('link', { name: 'Move to other workshops' }).click();
      await expect(heading('Move Ada Lovelace to other workshops').isVisible()).resolves.toBe(true);
      await expect(page.getByLabel('Workshop A').isChecked()).resolves.toBe(true);
      await expectAccessible(page, 'move: the form');

      await page.getByLabel('Workshop B').check();
      await page.getByRole('button', { name: 'Save workshops' }).click();
      await page.waitForURL(/\?done=moved/);

      // Made at once, or shown within seconds (the page asks for itself again)
      await toShow(page.getByText('Their workshops have changed.', { exact: false }));
      await expect(page.getByText('Workshop B', { exact: true }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'delegate: moved');
      const status = await api.call<{ sessions: { sessionId: string; status: string }[] }>(
        'GET',
        `/registrations/${ada.registrationId ?? ''}`,
      );
      expect(status.body.sessions).toEqual([{ sessionId: 'ws-b', status: 'confirmed' }]);
      await stack.settle();
      await page.reload();
      const mails = page.getByRole('table', { name: 'Mail to them, newest first' });
      await expect(mails.getByRole('row').count()).resolves.toBe(3);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'adds a delegate who phoned, after fixing what the form says',
    async () => {
      await page.goto(listUrl());
      await page.getByRole('button', { name: 'Add a delegate' }).click();
      await expect(heading('Add a delegate').isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'add: the form');

      await page.getByLabel('Email address').fill('not an address');
      await page.getByRole('button', { name: 'Add delegate' }).click();
      await expect(page.getByRole('alert').getByText('There is a problem').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: 'Enter their full name' }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'add: errors');

      const dan = { name: 'Dan Phone', email: uniqueEmail('dan') };
      await page.getByLabel('Full name').fill(dan.name);
      await page.getByLabel('Email address').fill(dan.email);
      await page.getByLabel('School or organisation (optional)').fill('Ash College');
      await page.getByRole('radio', { name: 'Workshop A' }).check();
      await page.getByRole('button', { name: 'Add delegate' }).click();
      await page.waitForURL(/\?done=added/);

      await expect(heading('Dan Phone').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Delegate added.', { exact: false }).isVisible()).resolves.toBe(true);
      await expect(page.getByText('Booked', { exact: true }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'delegate: just added');
      await stack.settle();
      expect((await stack.ses.mail(dan.email)).length).toBe(1);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'downloads the registrations as CSV',
    async () => {
      await page.goto(listUrl());
      const [saved] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);

      expect(saved.suggestedFilename()).toBe(`registrations-${eventId}.csv`);
      const file = readFileSync((await saved.path()) ?? '', 'utf8');
      expect(file.split('\r\n')[0]).toBe(
        'name,organisation,role,email,status,attended,sessions,registration id',
      );
      for (const name of ['Ada Lovelace', 'Ben Okafor', 'Cara Singh', 'Dan Phone'])
        expect(file).toContain(name);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'passes a place to a colleague, then cancels for them after an "are you sure" step',
    async () => {
      // Act: Ben's place to a colleague; first with an address already registered
      await page.goto(`${listUrl()}/${ben.registrationId ?? ''}`);
      await page.getByRole('link', { name: 'Pass the place to a colleague' }).click();
      await expect(heading('Pass Ben Okafor’s place to a colleague').isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'substitute: the form');
      await page.getByLabel('Full name').fill('Fay Colleague');
      await page.getByLabel('Email address').fill(ada.email);
      await page.getByRole('button', { name: 'Pass the place on' }).click();
      await expect(
        page
          .getByRole('link', { name: 'This email address is already registered for this event' })
          .isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'substitute: address already registered');
      const fay = uniqueEmail('fay');
      await page.getByLabel('Email address').fill(fay);
      await page.getByRole('button', { name: 'Pass the place on' }).click();
      await page.waitForURL(/\?done=substituted/);

      // Assert: the place is Fay's, at Ben's school
      await expect(heading('Fay Colleague').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Hilltop Primary').isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'delegate: place passed on');

      // Act: cancel for Fay
      await page.getByRole('link', { name: 'Cancel their booking' }).click();
      await expect(heading('Cancel Fay Colleague’s booking?').isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'cancel: are you sure');
      await page.getByRole('button', { name: 'Yes, cancel their booking' }).click();
      await page.waitForURL(/\?done=cancelled/);

      // Assert: cancelled at once, or within seconds
      await toShow(page.getByText('Their booking is cancelled.', { exact: false }));
      await expect(page.getByText('Cancelled', { exact: true }).first().isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'delegate: cancelled');
      await stack.settle();
      const subjects = (await stack.ses.mail(fay)).map((m) => m.subject);
      expect(subjects).toHaveLength(2);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'erases a delegate after a confirmation that names what is kept',
    async () => {
      await page.goto(`${listUrl()}/${cara.registrationId ?? ''}`);
      await page.getByRole('link', { name: 'Erase their personal data' }).click();

      await expect(heading('Erase Cara Singh’s personal data?').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: 'What is kept' }).isVisible()).resolves.toBe(true);
      await expect(
        page.getByText('their booking is cancelled too', { exact: false }).isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'erase: are you sure');
      await page.getByRole('button', { name: 'Erase personal data' }).click();
      await page.waitForURL(/\?done=erased/);

      await expect(heading('Erased delegate').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Their personal data has been erased.').isVisible()).resolves.toBe(true);
      await expect(page.getByText(cara.email).count()).resolves.toBe(0);
      await expectAccessible(page, 'delegate: erased');
      await stack.settle(); // the cancellation is decided in the event's turn on the places queue
      const list = await api.call<{
        registrations: { registrationId: string; erased?: boolean; status: string }[];
      }>('GET', `/events/${eventId}/registrations`, { as: 'organisers' });
      expect(list.body.registrations.find((r) => r.registrationId === cara.registrationId)).toMatchObject({
        erased: true,
        status: 'cancelled',
      });
    },
    SLOW_MACHINE_MS,
  );

  it(
    'lists the bounced address with the mail problems, and sends failed mail again once',
    async () => {
      // Arrange: a delegate whose confirmation SES refuses (the message, not the account).
      const eve: Delegate = { name: 'Eve Refused', email: uniqueEmail('eve'), school: 'Yew School' };
      await api.call('POST', '/local/ses/faults', { body: { code: 'BadRequestException' } });
      await register(eve, 'ws-c');
      await stack.settle();
      await api.call('DELETE', '/local/ses/faults');

      // Act
      await page.goto(listUrl());
      await page.getByRole('link', { name: 'Mail problems' }).click();

      // Assert: the bounce and the failure, each with its reason
      await expect(heading('Mail problems').isVisible()).resolves.toBe(true);
      const problems = page.getByRole('table', { name: 'Mail problems, newest first' });
      const bounced = rowOf(problems, 'Bo Bounce');
      await expect(bounced.getByText('Bounced', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(
        bounced.getByText('does not exist or does not accept mail', { exact: false }).isVisible(),
      ).resolves.toBe(true);
      const failed = rowOf(problems, 'Eve Refused');
      await expect(failed.getByText('Failed', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(bounced.getByRole('button').count()).resolves.toBe(0);
      await expectAccessible(page, 'mail problems: a bounce and a failure');

      // Act: send the failed one again
      const form = {
        csrf: await failed.locator('input[name="csrf"]').inputValue(),
        mail: await failed.locator('input[name="mail"]').inputValue(),
      };
      await failed.getByRole('button', { name: 'Send again to Eve Refused' }).click();
      await page.waitForURL(/\?retried=1/);
      await expect(page.getByText('1 mail is being sent again.', { exact: false }).isVisible()).resolves.toBe(
        true,
      );
      await expectAccessible(page, 'mail problems: sent again');
      await stack.settle();
      await page.reload();

      // Assert: it went once; the bounce stays; the same post again sends nothing more
      await expect(rowOf(problems, 'Eve Refused').count()).resolves.toBe(0);
      await expect(rowOf(problems, 'Bo Bounce').count()).resolves.toBe(1);
      expect(await stack.ses.mail(eve.email)).toHaveLength(1);
      const again = await page.request.post(`${stack.url}/console/events/${eventId}/mail-problems/retry`, {
        form,
        maxRedirects: 0,
      });
      expect(again.status()).toBe(303);
      expect(again.headers().location).toMatch(/\?retried=0$/);
      await stack.settle();
      expect(await stack.ses.mail(eve.email)).toHaveLength(1);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'is refused to the communications team',
    async () => {
      const comms = await openPage(browser, viewports.desktop);
      await signInToConsole(comms, stack.url, 'comms', '/console');
      await comms.goto(listUrl());
      await expect(
        comms.getByRole('heading', { level: 1, name: 'You cannot use this page' }).isVisible(),
      ).resolves.toBe(true);
      await comms.context().close();
    },
    SLOW_MACHINE_MS,
  );
});
