import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { SESSION_COOKIE } from '../../shared/console/session-cookie';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  openPage,
  reportAccessibilityChecks,
} from '../support/browser';
import { openConsoleMenu, signInToConsole, signOutOfConsole } from '../support/console';
import { smallConference } from '../support/conference-fixtures';
import { browserStarting, stackStarting } from '../support/browser-stack';
import { apiClient } from '../support/local-stack';
import { startTogether } from '../support/start-together';
import { startTestUserPool, strangerKey, type TestUserPool } from '../support/test-user-pool';

/** The narrowest phone the console is made for. */
const PHONE = { width: 360, height: 740 };

let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
/** Another stage's user pool: its own issuer and key. */
let otherStage: TestUserPool;
/** A draft event: its overview is for comms and organisers, its registrations for organisers only. */
let eventId: string;

beforeAll(async () => {
  [stack, browser, otherStage] = await startTogether<[LocalStack, Browser, TestUserPool]>(
    stackStarting(),
    browserStarting(),
    { started: startTestUserPool(), stop: (pool) => pool.close() },
  );
  api = apiClient(stack.url);
  const created = await api.call<{ eventId: string }>('POST', '/events', {
    body: smallConference(stack.clock.now(), { title: 'Sign-in day' }),
    as: 'organisers',
  });
  eventId = created.body.eventId;
}, 120_000);
afterAll(async () => {
  reportAccessibilityChecks('console-sign-in');
  await otherStage?.close();
  await browser?.close();
  await stack?.stop();
});

const heading = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name });

/** Each state a person sees: axe, and nothing wider than a 360 px phone. */
const check = async (p: Page, state: string): Promise<void> => {
  await expectNoHorizontalScroll(p);
  await expectAccessible(p, state);
};

const sessionCookieIn = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);

/** A browser of its own (another person, or the same cookie copied elsewhere) holding this session cookie. */
const browserWithSession = async (value: string): Promise<Page> => {
  const page = await openPage(browser, PHONE);
  // By host and path, as the browser keeps a `__Host-` cookie (CDP refuses a Secure one given an http URL).
  const host = new URL(stack.url).hostname;
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value, domain: host, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
    ]);
  return page;
};

/** Opening a console page without a session lands on the sign-in, which will bring the person back. */
const expectSentToSignIn = async (page: Page, path: string): Promise<void> => {
  await page.goto(`${stack.url}${path}`);
  const url = new URL(page.url());
  expect({ path: url.pathname, next: url.searchParams.get('next') }).toEqual({
    path: '/console/sign-in',
    next: path,
  });
  await expect(heading(page, 'Sign in to the console').isVisible()).resolves.toBe(true);
};

const eventStatus = async (): Promise<unknown> =>
  (await api.call<{ status: string }>('GET', `/events/${eventId}`, { as: 'organisers' })).body.status;

describe('signing in to the console and out again', () => {
  let organiser: Page;

  it('an organiser signs in on the local sign-in page and lands on the page they asked for', async () => {
    organiser = await openPage(browser, PHONE);
    const asked = `/console/events/${eventId}`;
    await organiser.goto(`${stack.url}${asked}`);
    await expect(heading(organiser, 'Sign in to the console').isVisible()).resolves.toBe(true);
    await check(organiser, 'console sign-in page (local)');

    await organiser.getByLabel('An organiser').check();
    await organiser.getByRole('button', { name: 'Sign in' }).click();
    await organiser.waitForURL((url) => url.pathname === asked);

    await openConsoleMenu(organiser);
    await expect(
      organiser.getByText('local-organisers-north-west@example.org (Organiser, north-west)').isVisible(),
    ).resolves.toBe(true);
    await expect(organiser.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    // The cookie as chromium keeps it on the local http://127.0.0.1 origin (loopback counts as secure).
    expect(await sessionCookieIn(organiser.context())).toMatchObject({
      domain: '127.0.0.1',
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    // HttpOnly: the page's own script cannot read the token, and no URL carries it.
    expect(await organiser.evaluate<string>('document.cookie')).not.toContain(SESSION_COOKIE);
    expect(organiser.url()).not.toMatch(/eyJ/);
  });

  it('refuses a form posted without the session’s csrf value, and changes nothing', async () => {
    // The person's own browser on the console's origin, a form without the hidden field: publish the draft.
    await organiser.evaluate(`(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/console/events/${eventId}/publish';
      document.body.append(form);
      form.submit();
    })()`);
    await organiser.waitForURL((url) => url.pathname === `/console/events/${eventId}/publish`);
    await expect(heading(organiser, 'You cannot use this page').isVisible()).resolves.toBe(true);
    await expect(organiser.getByText('This form was not sent from this console').isVisible()).resolves.toBe(
      true,
    );
    expect(await eventStatus()).toBe('draft');

    // "Sign out" with its csrf field taken out: refused, and the session goes on.
    await organiser.goto(`${stack.url}/console/events/${eventId}`);
    await organiser.evaluate(
      `document.querySelector('form[action="/console/sign-out"] input[name="csrf"]').remove()`,
    );
    const refused = organiser.waitForResponse((r) => r.url().endsWith('/console/sign-out'));
    await openConsoleMenu(organiser);
    await organiser.getByRole('button', { name: 'Sign out' }).click();
    expect((await refused).status()).toBe(403);
    await organiser.goto(`${stack.url}/console/events/${eventId}`);
    expect(new URL(organiser.url()).pathname).toBe(`/console/events/${eventId}`);
  });

  it('sign-out ends the session: the same cookie, replayed by another browser, is sent to sign in', async () => {
    const cookie = await sessionCookieIn(organiser.context());
    expect(cookie?.value).toMatch(/^eyJ/);
    // Copied into another browser before signing out, it is the same session.
    const copy = await browserWithSession(cookie!.value);
    await copy.goto(`${stack.url}/console/events/${eventId}`);
    expect(new URL(copy.url()).pathname).toBe(`/console/events/${eventId}`);
    await copy.context().close();

    await signOutOfConsole(organiser);
    await expect(heading(organiser, 'You have signed out').isVisible()).resolves.toBe(true);
    await check(organiser, 'console signed-out page');
    expect(await sessionCookieIn(organiser.context())).toBeUndefined();

    const replay = await browserWithSession(cookie!.value);
    await expectSentToSignIn(replay, `/console/events/${eventId}`);
    await replay.context().close();
    await organiser.context().close();
  });
});

describe('who may use which page', () => {
  it('refuses a comms session on an organiser page with a 403 page', async () => {
    const comms = await openPage(browser, PHONE);
    const organisersOnly = `/console/events/${eventId}/registrations`;
    await signInToConsole(comms, stack.url, 'comms', organisersOnly);

    const response = await comms.goto(`${stack.url}${organisersOnly}`);
    expect(response?.status()).toBe(403);
    await expect(heading(comms, 'You cannot use this page').isVisible()).resolves.toBe(true);
    await expect(comms.getByText('This page is for organisers').isVisible()).resolves.toBe(true);
    await check(comms, 'console 403 page (comms on an organiser page)');
    // The parts comms may use still open.
    const overview = await comms.goto(`${stack.url}/console/events/${eventId}`);
    expect(overview?.status()).toBe(200);
    await comms.context().close();
  });

  it('refuses a session cookie from another stage’s user pool, or signed with another key, or tampered with', async () => {
    const organiserToken = await signLocalToken(['organisers']);
    const [header, payload] = organiserToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const commsToken = await signLocalToken(['comms']);
    const [commsHeader, commsPayload, commsSignature] = commsToken.split('.');
    const promoted = Buffer.from(
      JSON.stringify({
        ...(JSON.parse(Buffer.from(commsPayload!, 'base64url').toString('utf8')) as object),
        'cognito:groups': ['organisers'],
      }),
    ).toString('base64url');

    const refused = {
      // Another stage: its own pool's issuer and key, for the same person and client.
      'another stage': await otherStage.sign({ ...claims, iss: otherStage.settings.issuer }),
      // This stage's issuer, another key.
      'another key': await otherStage.sign(
        { ...claims },
        { key: await strangerKey(), kid: JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')).kid },
      ),
      // A comms token with its group changed to organisers, its signature kept.
      tampered: `${commsHeader}.${promoted}.${commsSignature}`,
      'not a token': 'organiser',
    };
    // The same way in, with a genuine token, is signed in: each refusal below is the token's own.
    const genuine = await browserWithSession(organiserToken);
    await genuine.goto(`${stack.url}/console/events/${eventId}`);
    expect(new URL(genuine.url()).pathname).toBe(`/console/events/${eventId}`);
    await genuine.context().close();

    for (const [kind, value] of Object.entries(refused)) {
      const page = await browserWithSession(value);
      await expectSentToSignIn(page, `/console/events/${eventId}`);
      expect({ kind, signedIn: await page.getByRole('button', { name: 'Sign out' }).count() }).toEqual({
        kind,
        signedIn: 0,
      });
      await page.context().close();
    }
  });
});
