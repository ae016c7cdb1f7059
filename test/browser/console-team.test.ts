import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { expectAccessible, openPage, reportAccessibilityChecks } from '../support/browser';
import { smallConference } from '../support/conference-fixtures';
import { apiClient } from '../support/local-stack';
import { startStackAndBrowser } from '../support/browser-stack';

/** Teams in the console: a person signs in for a team, sees only its events, and manages its members. */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
let southEastEvent: string;

/** Signs in at the local sign-in page as an organiser of `team`, landing on `path`. */
const signInFor = async (page: Page, team: string, path = '/console'): Promise<void> => {
  await page.goto(`${stack.url}${path}`);
  await page.getByLabel('An organiser').check();
  await page.getByRole('textbox', { name: 'Team' }).fill(team);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
};

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  api = apiClient(stack.url);
  const token = await signLocalToken(['organisers'], { teams: ['south-east'] });
  const created = await api.call<{ eventId: string }>('POST', '/events', {
    body: smallConference(stack.clock.now(), { title: 'South East leaders day' }),
    headers: { authorization: `Bearer ${token}` },
  });
  expect(created.status).toBe(201);
  southEastEvent = created.body.eventId;
  const ours = await api.call('POST', '/events', {
    body: smallConference(stack.clock.now(), { title: 'North West leaders day' }),
    as: 'organisers',
  });
  expect(ours.status).toBe(201);
}, 300_000);

afterAll(async () => {
  reportAccessibilityChecks('console-team');
  await browser?.close();
  await stack?.stop();
});

describe('the console follows the team', () => {
  it('shows north-west its own events only, and another team’s event is not there (404)', async () => {
    const page = await openPage(browser);
    await signInFor(page, 'north-west');
    await expect(page.getByText('North West leaders day')).toBeDefined();
    expect(await page.getByText('North West leaders day').count()).toBeGreaterThan(0);
    expect(await page.getByText('South East leaders day').count()).toBe(0);
    expect(await page.getByText(/Organiser, north-west/).count()).toBe(1);
    await expectAccessible(page, 'events of one team');

    const answer = await page.goto(`${stack.url}/console/events/${southEastEvent}`);
    expect(answer?.status()).toBe(404);
    await expectAccessible(page, 'another team’s event');
  });

  it('lets an organiser invite and remove their team’s members', async () => {
    const page = await openPage(browser);
    await signInFor(page, 'south-east');
    // The frame links the team page (behind the menu on a phone); go there as the link does.
    expect(await page.getByRole('link', { name: 'Your team', includeHidden: true }).count()).toBe(1);
    await page.goto(`${stack.url}/console/team`);
    expect(await page.getByRole('heading', { name: 'Your team: south-east' }).count()).toBe(1);
    await expectAccessible(page, 'a team with nobody');

    await page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await page.getByText('There is a problem').count()).toBe(1);
    await expectAccessible(page, 'an invitation without an address');

    await page.getByLabel('Email address').fill('grace@school.example.org');
    await page.getByLabel('Communications team').check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForURL(/done=invited/);
    const row = page.getByRole('row', { name: /grace@school\.example\.org/ });
    expect(await row.getByText('Communications team').count()).toBe(1);
    expect(await row.getByText('Invited').count()).toBe(1);
    expect(stack.cognito.invitations().map((i) => i.email)).toContain('grace@school.example.org');
    expect(stack.cognito.groupsOf('grace@school.example.org').sort()).toEqual(['comms', 'team:south-east']);
    await expectAccessible(page, 'a member invited');

    await page.getByRole('button', { name: 'Remove grace@school.example.org' }).click();
    await page.waitForURL(/done=removed/);
    expect(await page.getByText('It takes effect the next time they sign in').count()).toBe(1);
    expect(await page.getByRole('row', { name: /grace@school\.example\.org/ }).count()).toBe(0);
    expect(stack.cognito.groupsOf('grace@school.example.org')).toEqual(['comms']);
    await expectAccessible(page, 'a member removed');
  });
});
