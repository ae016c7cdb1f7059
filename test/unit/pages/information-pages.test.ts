import { beforeAll, describe, expect, it } from '@jest/globals';
import { EnvNames } from '../../../shared/config/env';
import * as pages from '../../../shared/pages/information/information-pages';
import { placeholderController, readController } from '../../../shared/pages/information/controller';

// The pages name the hashed assets; a test gives them names of its own.
beforeAll(() => {
  process.env[EnvNames.pageAssets] = JSON.stringify({
    css: '/assets/app.css',
    js: '/assets/app.js',
    consoleJs: '/assets/console.js',
  });
});

const alliance = {
  name: 'North Schools Alliance',
  email: 'dpo@alliance.example.org',
  address: '1 High St, Leeds',
};

describe('the data controller setting', () => {
  it('reads the configured controller, and a placeholder that says what to set where none is', () => {
    expect(readController(JSON.stringify(alliance))).toEqual(alliance);
    expect(readController(undefined)).toEqual(placeholderController);
    expect(placeholderController.name).toContain('set convene:controller');
  });

  it('fails loudly on a setting that is not valid, rather than publish a notice naming no one', () => {
    expect(() => readController('{"name": "X"}')).toThrow(/PRIVACY_CONTROLLER/);
    expect(() => readController('not json')).toThrow(/PRIVACY_CONTROLLER/);
  });
});

describe('the privacy notice', () => {
  it('names the controller and how to reach it, the lawful basis per use, retention, rights and the ICO', () => {
    const page = pages.privacyNoticePage(alliance, 'eu-west-2');
    expect(page).toContain('North Schools Alliance is the data controller');
    expect(page).toContain('href="mailto:dpo@alliance.example.org"');
    expect(page).toContain('1 High St, Leeds');
    expect(page).toContain('contract (Article 6(1)(b))');
    expect(page).toContain('explicit consent (Articles 6(1)(a) and 9(2)(a))');
    expect(page).toContain('vital interests (Articles 6(1)(d) and 9(2)(c))');
    expect(page).toContain('legitimate interests (Article 6(1)(f)) in learning how the event went');
    expect(page).toContain('special category data');
    expect(page).toContain('Convene does not delete registrations by itself');
    expect(page).toContain('London (eu-west-2)');
    expect(page).toContain('https://ico.org.uk/make-a-complaint/');
  });
});

describe('the accessibility statement', () => {
  it('has the sections of the model statement and says how the pages were tested', () => {
    const page = pages.accessibilityStatementPage(alliance);
    for (const heading of [
      'How accessible this website is',
      'Feedback and contact information',
      'Reporting accessibility problems with this website',
      'Enforcement procedure',
      'Compliance status',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ])
      expect(page).toContain(heading);
    expect(page).toContain('This website is run by North Schools Alliance');
    expect(page).toContain('axe-core against WCAG 2.2 A and AA in the Chromium browser');
    expect(page).toContain('using only a keyboard');
    expect(page).toContain('320 pixels wide');
  });
});
