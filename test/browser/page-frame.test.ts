// Code passed to page.evaluate runs in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { LocalStack } from '../../infra/local/stack';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  reportAccessibilityChecks,
  openPage,
} from '../support/browser';
import { startStackAndBrowser } from '../support/browser-stack';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await startStackAndBrowser();
  page = await openPage(browser);
}, 120_000);
afterAll(async () => {
  reportAccessibilityChecks('page-frame');
  await browser?.close();
  await stack?.stop();
});

describe('every page', () => {
  it('is a page in words, styled and unframed, when a link is wrong', async () => {
    // Act
    const response = await page.goto(`${stack.url}/events/no-such-event`);

    // Assert
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible()).resolves.toBe(
      true,
    );
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    // The stylesheet loaded (GOV.UK Frontend's own class on a heading is styled: a bold weight).
    const weight = await page
      .getByRole('heading', { level: 1 })
      .evaluate(
        (h, style: string) =>
          (globalThis as unknown as Record<string, (e: unknown) => { fontWeight: string }>)[style]!(h)
            .fontWeight,
        'getComputedStyle',
      );
    expect(weight).toBe('700');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'page not found');
  });

  it("is a page in words at an address that is none of Convene's, and an API error to an API client", async () => {
    // Act: a link from an email cut short, as a tired delegate might paste it
    const response = await page.goto(`${stack.url}/registrations/reg_123/man`);

    // Assert
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('check you copied all of it').isVisible()).resolves.toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'no such address');

    const api = await fetch(`${stack.url}/no/such/route`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    // A route is a method and a path on API Gateway: a known path asked another way is unmatched too.
    const otherMethod = await fetch(`${stack.url}/privacy`, {
      method: 'DELETE',
      headers: { accept: 'application/json' },
    });
    expect(otherMethod.status).toBe(404);
    expect(await otherMethod.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves its assets with a year-long cache, as the distribution does', async () => {
    // Arrange
    await page.goto(`${stack.url}/events/no-such-event`);
    const css = await page.locator('link[rel=stylesheet]').getAttribute('href');

    // Act
    const asset = await fetch(`${stack.url}${css}`);

    // Assert
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).not.toContain('GDS Transport');
  });

  it('still answers JSON at the same address to everything but a browser', async () => {
    const answer = await fetch(`${stack.url}/events/no-such-event`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/json');
  });
});
