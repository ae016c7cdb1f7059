import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { expect } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's chromium (installed by .ci/run where missing): no browser is downloaded. CHROMIUM_PATH
 * overrides; otherwise the one on PATH.
 */
const chromiumPath = (): string => {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "No chromium on PATH: install Debian's chromium (apt-get install chromium), as .ci/run does.",
    );
  }
};

/** Launches chromium; tests open pages with `openPage`. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    // CI runs as root, where chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });

/** A new page in its own context (its own cookies; axe needs a context to run in). */
export const openPage = async (
  browser: Browser,
  viewport: { width: number; height: number } = viewports.phone,
): Promise<Page> => (await browser.newContext({ viewport })).newPage();

/**
 * Waits until the page has landed at `url`. A second submit (a double click without JavaScript) aborts the
 * first navigation, which `waitForURL` reports as ERR_ABORTED: the navigation that lands is the one awaited.
 */
export const waitForLanding = async (page: Page, url: RegExp): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.waitForURL(url);
      return;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('ERR_ABORTED')) throw error;
    }
  }
};

/** A phone (the narrowest WCAG reflow width) and a school laptop. */
export const viewports = {
  phone: { width: 320, height: 640 },
  desktop: { width: 1280, height: 800 },
} as const;

const checked: string[] = [];

/** WCAG 2.2 A and AA, with 2.0 and 2.1, which 2.2 includes. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface Violation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe.run in the page itself, injected once per document, with only the violations described node by node
 * (`resultTypes`: every rule still runs; passes are just not described in full). The same rules and tags
 * as @axe-core/playwright's AxeBuilder, whose axe-core this is, and the same violations; AxeBuilder also
 * injects axe twice per check and finishes each check in a new blank page, which only iframes from other
 * origins need: a page with a frame (no Convene page has one) is still checked by AxeBuilder.
 */
const axeViolations = async (page: Page): Promise<Violation[]> => {
  if (page.frames().length > 1) {
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }
  if (!(await page.evaluate<boolean>('typeof window.axe?.run === "function"')))
    await page.evaluate(axe.source);
  const options = { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] };
  // A string, so this file needs no DOM types: it runs in the page.
  return page.evaluate<Violation[]>(
    `axe.run(document, ${JSON.stringify(options)}).then((results) => results.violations.map((v) => ` +
      `({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
};

/**
 * axe-core on the page as it stands, for WCAG 2.2 A and AA (and 2.0/2.1, which 2.2 includes): the test
 * fails naming each violation and where it is. `state` names what is on screen, for the count printed at
 * the end of the file.
 */
export const expectAccessible = async (page: Page, state: string): Promise<void> => {
  // The page's stylesheet loaded: axe measures targets from the layout, and a page checked while its CSS
  // is still coming (a routed request turns the cache off) has the browser's own 13 px links.
  await page.waitForLoadState('load');
  const violations = (await axeViolations(page)).map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.targets.join(', ')}`,
  );
  expect({ state, violations }).toEqual({ state, violations: [] });
  checked.push(state);
};

/** How many pages and states axe checked in this file; call from afterAll. */
export const reportAccessibilityChecks = (file: string): void => {
  process.stdout.write(`axe: ${checked.length} page states checked in ${file}, no WCAG 2.2 A/AA violation\n`);
};

/** Nothing wider than the window, so a person at 320 px (or 400% zoom) never scrolls sideways. */
export const expectNoHorizontalScroll = async (page: Page): Promise<void> => {
  // A string, so this file needs no DOM types: it runs in the page.
  const widths = await page.evaluate<{ content: number; window: number }>(
    '({ content: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
  );
  expect(widths.content).toBeLessThanOrEqual(widths.window);
};

const screenshotDir = path.join(process.cwd(), '.local', 'screenshots');

/**
 * The page at phone and desktop widths, under .local/screenshots/ (not committed), for a person to look at,
 * when SCREENSHOTS=1: two full-page captures per call cost the suite seconds nobody reads in CI.
 */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${label}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
};
