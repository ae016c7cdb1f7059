import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import { expectAccessible, openPage, reportAccessibilityChecks, viewports } from '../support/browser';
import { signInToConsole } from '../support/console';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let browser: Browser;
let page: Page;
let eventId: string;

/** Each step's limit: the browser and the stack share two cores with other test files. */
const SLOW_MACHINE_MS = 120_000;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  const api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  for (const [name, needs] of [
    ['Ada Lovelace', 'Step-free access'],
    ['Ben Okafor', undefined],
  ] as const) {
    const accepted = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name, email: uniqueEmail('data'), ...(needs ? { accessNeeds: needs } : {}) },
    });
    expect(accepted.status).toBe(202);
  }
  await stack.settle();
  page = await openPage(browser, viewports.desktop);
  await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/data-report`);
}, 300_000);
afterAll(async () => {
  reportAccessibilityChecks('console-data');
  await browser?.close();
  await stack?.stop();
});

describe("the console's personal data page", () => {
  it(
    'lists what is held, how many, where and when it is removed, and is accessible',
    async () => {
      await page.goto(`${stack.url}/console/events/${eventId}/data-report`);
      await expect(page.getByRole('heading', { level: 1, name: 'Personal data' }).isVisible()).resolves.toBe(
        true,
      );
      const table = page.getByRole('table', { name: 'Personal data held' });
      const row = (text: string) => table.getByRole('row').filter({ hasText: text });
      await expect(row("Delegates' names").getByRole('cell').nth(2).textContent()).resolves.toBe('2');
      await expect(row('Access and dietary needs').getByRole('cell').nth(2).textContent()).resolves.toBe('1');
      await expect(
        page.getByText('Personal data is removed 180 days after the event ends').isVisible(),
      ).resolves.toBe(true);
      // Nothing of the delegates themselves is on the page.
      await expect(page.content()).resolves.not.toMatch(/Ada Lovelace|Step-free access/);
      await expectAccessible(page, 'data report');
    },
    SLOW_MACHINE_MS,
  );
});
