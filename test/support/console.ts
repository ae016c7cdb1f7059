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

/**
 * The session cookie the local sign-in gives a group of a team, as a browser would send it back: for a
 * test that asks for console pages without a browser.
 */
export const consoleSessionCookie = async (
  baseUrl: string,
  group: ConsoleGroup,
  team = 'north-west',
): Promise<string> => {
  const answer = await fetch(`${baseUrl}/console/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ group, team }).toString(),
    redirect: 'manual',
  });
  const cookie = answer.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`No session from the local sign-in: ${answer.status}`);
  return cookie;
};

/**
 * Opens the service navigation where a narrow screen folds it behind "Menu" (GOV.UK Frontend's service
 * navigation does so once it has links: the organisers' "Your team"), as a person on a phone does.
 */
export const openConsoleMenu = async (page: Page): Promise<void> => {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
};

/** Signs out through the console's own "Sign out" button. */
export const signOutOfConsole = async (page: Page): Promise<void> => {
  await openConsoleMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/console\/signed-out$/);
};
