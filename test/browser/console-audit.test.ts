import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
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
let api: ReturnType<typeof apiClient>;
let eventId: string;
let registrationId: string;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { title: 'Audit day' }));
  const registered = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Nia Named', email: uniqueEmail('nia') },
  });
  registrationId = registered.body.registrationId;
  await stack.settle();
}, 240_000);

afterAll(async () => {
  reportAccessibilityChecks('console-audit');
  await browser?.close();
  await stack?.stop();
});

describe("an organiser reads the event's audit", () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser, viewports.desktop);
    await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/door`);
  }, 60_000);

  it('finds what they did at the door, and what was done through the API, with who and when', async () => {
    // Act: a check-in at the door in the console, then an erasure through the API.
    await page.getByLabel('Find a delegate').fill('Nia');
    await page.getByRole('button', { name: 'Check in Nia Named' }).click();
    await page.waitForURL(/done=checked-in/);
    const erased = await api.call('DELETE', `/events/${eventId}/registrations/${registrationId}`, {
      as: 'organisers',
    });
    expect(erased.status).toBe(204);

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(new RegExp(`/console/events/${eventId}/audit$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' }).isVisible()).resolves.toBe(true);

    const rows = await page.getByRole('table').getByRole('row').allInnerTexts();
    // Header, then newest first: the erasure (API), the check-in (console), publish and create (API).
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/Erased a delegate's personal data/);
    expect(rows[1]).toContain(registrationId);
    expect(rows[1]).toMatch(/API/);
    expect(rows[2]).toMatch(/Checked a delegate in/);
    expect(rows[2]).toMatch(/Console/);
    expect(rows[2]).toContain('@example.org');
    expect(rows[3]).toMatch(/Published the event/);
    expect(rows[4]).toMatch(/Created the event/);
    // Named by id only: the erased delegate's name appears nowhere.
    await expect(page.getByText('Nia Named').count()).resolves.toBe(0);
    await expectAccessible(page, 'audit: records');
  });

  it('fits a phone', async () => {
    const phone = await openPage(browser, viewports.phone);
    await signInToConsole(phone, stack.url, 'organisers', `/console/events/${eventId}/audit`);
    await expectNoHorizontalScroll(phone);
    await expectAccessible(phone, 'audit: phone');
  }, 60_000);

  it('says when nothing is recorded yet', async () => {
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now(), { title: 'Quiet day' }),
      as: 'organisers',
    });
    const { records } = (
      await api.call<{ records: unknown[] }>('GET', `/events/${created.body.eventId}/audit`, {
        as: 'organisers',
      })
    ).body;
    expect(records).toHaveLength(1); // its creation
    await page.goto(`${stack.url}/console/events/${created.body.eventId}/audit`);
    await expect(page.getByText('Created the event').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'audit: one record');
  });
});
