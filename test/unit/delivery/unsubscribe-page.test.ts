import { beforeAll, describe, expect, it } from '@jest/globals';
import { EnvNames } from '../../../shared/config/env';
import * as pages from '../../../shared/pages/unsubscribe/unsubscribe-pages';

// The pages name the hashed assets; a test gives them names of its own.
beforeAll(() => {
  process.env[EnvNames.pageAssets] = JSON.stringify({
    css: '/assets/app.css',
    js: '/assets/app.js',
    consoleJs: '/assets/console.js',
  });
});

const event = { title: 'Trust leaders day', url: '/events/evt_1' };

describe('the unsubscribe pages', () => {
  it('offer a button that POSTs the same link with the form value, the token kept in the form action', () => {
    const page = pages.confirmPage('eyJzIjoicmVnXzEifQ.c2ln', 'signed-form-value', event);
    expect(page).toMatch(/<form method="post" action="\?token=eyJzIjoicmVnXzEifQ\.c2ln" novalidate>/);
    expect(page).toContain('<input type="hidden" name="formToken" value="signed-form-value">');
    expect(page).toMatch(/<button type="submit"[^>]*class="govuk-button"[^>]*>\s*Unsubscribe\s*<\/button>/);
    // No inline script or style: the page's CSP allows neither.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)|\sstyle=|<style/);
  });

  it('name the event at the top and offer a way back to its page', () => {
    const page = pages.confirmPage('t.s', 'v', event);
    expect(page).toContain('<title>Unsubscribe from event updates – Trust leaders day – Convene</title>');
    expect(page).toMatch(
      /<a class="govuk-link" href="\/events\/evt_1">go to the Trust leaders day page<\/a>/,
    );
    expect(pages.confirmPage('t.s', 'v', undefined)).toContain('you can close this page.');
  });

  it('never lets a token break out of the form attribute', () => {
    const page = pages.confirmPage('"><script>alert(1)</script>', 'v', undefined);
    expect(page).not.toContain('<script>');
    expect(page).toContain('action="?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"');
  });

  it('ask again, saying why, when the form was out of date', () => {
    const page = pages.confirmPage('t.s', 'v', event, true);
    expect(page).toContain('<title>Error: Unsubscribe from event updates');
    expect(page).toContain('The page was out of date. Select Unsubscribe again.');
  });

  it('say what still comes after unsubscribing, and say so when no address is held', () => {
    expect(pages.donePage(true, event)).toMatch(/govuk-panel--confirmation[\s\S]*You are unsubscribed/);
    expect(pages.donePage(true, event)).toMatch(/confirmations, reminders/);
    expect(pages.donePage(false, undefined)).toMatch(/erased/);
  });

  it.each([
    ['missing', 400],
    ['invalid', 403],
    ['expired', 410],
  ] as const)('answer a %s link with a page saying so, status %s, no form', (reason, status) => {
    const page = pages.linkProblemPage(reason);
    expect(page.statusCode).toBe(status);
    expect(page.body).not.toMatch(/<form/);
  });
});
