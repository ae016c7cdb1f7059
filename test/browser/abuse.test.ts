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
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => {
  reportAccessibilityChecks('abuse');
  await browser?.close();
  await stack?.stop();
});

/** Each step's limit: the browser and the stack share two cores with other test files. */
const SLOW_MACHINE_MS = 120_000;

describe('the event form’s honeypot', () => {
  it(
    'is hidden from people, keyboards and screen readers, and a person registers without meeting it',
    async () => {
      const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
      const page: Page = await openPage(browser, viewports.phone);
      await page.goto(`${stack.url}/events/${eventId}`);
      const trap = page.locator('input[name="website"]');

      // Not seen, not in the tab order, not in the accessibility tree.
      expect(await trap.getAttribute('tabindex')).toBe('-1');
      expect(await trap.getAttribute('autocomplete')).toBe('off');
      const box = await trap.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(0);
      expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);
      await expectAccessible(page, 'event page with the honeypot');

      // A person fills the form by its labels and registers.
      await page.getByLabel('Full name').fill('Siân Jones');
      await page.getByLabel('Email address').fill(uniqueEmail('person'));
      await page.getByRole('button', { name: 'Register' }).click();
      await page.waitForURL(/\/registrations\/reg_/);
      await stack.settle();
      const list = await api.call<{ registrations: { name: string }[] }>(
        'GET',
        `/events/${eventId}/registrations`,
        { as: 'organisers' },
      );
      expect(list.body.registrations.map((r) => r.name)).toEqual(['Siân Jones']);
    },
    SLOW_MACHINE_MS,
  );
});

describe('the suspected bulk sign-ups page', () => {
  it(
    'shows a burst from one network as a group, says the removed get no mail, and removes it in one action',
    async () => {
      // Arrange: 10 registrations in a minute from one client (this machine).
      const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 50 }));
      for (let i = 0; i < 10; i += 1) {
        await api.call('POST', `/events/${eventId}/registrations`, {
          body: { name: `Fake Person ${i}`, email: uniqueEmail('fake') },
        });
      }
      await stack.settle();
      const page = await openPage(browser, viewports.desktop);
      await signInToConsole(page, stack.url, 'organisers', `/console/events/${eventId}/registrations`);

      // Act: from the registrations list to the page.
      await page.getByRole('link', { name: 'Suspected bulk sign-ups' }).click();
      await page.getByRole('heading', { level: 1, name: 'Suspected bulk sign-ups' }).waitFor();

      // Assert
      await expect(
        page.getByRole('heading', { level: 2, name: /Group 1: 10 registrations/ }).count(),
      ).resolves.toBe(1);
      await expect(
        page.getByText('The removed addresses get no mail: we presume they are fake.').count(),
      ).resolves.toBe(1);
      await expectAccessible(page, 'suspected bulk sign-ups, one group');
      await page.getByRole('button', { name: 'Remove these 10 registrations' }).click();
      await page.getByText('10 registrations were removed.').waitFor();
      await expect(page.getByText(/No suspected bulk sign-ups/).count()).resolves.toBe(1);
      await expectAccessible(page, 'suspected bulk sign-ups, removed');
    },
    SLOW_MACHINE_MS,
  );
});
