import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

export type ConsoleGroup = 'organisers' | 'comms';

/**
 * Signs in to the console as a person of this group, as a person does locally: the console sends them to
 * the sign-in page, they choose who to be, and it brings them back to the page they asked for.
 */
export const signInToConsole = async (
  page: Page,
  baseUrl: string,
  group: ConsoleGroup,
  path = '/console',
): Promise<void> => {
  await page.goto(`${baseUrl}${path}`);
  await expect(page.url()).toContain('/console/sign-in');
  await page
    .getByLabel(group === 'organisers' ? 'An organiser' : 'A member of the communications team')
    .check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
};

/** Signs out through the console's own "Sign out" button. */
export const signOutOfConsole = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/console\/signed-out$/);
};
