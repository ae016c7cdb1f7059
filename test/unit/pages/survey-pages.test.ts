import { beforeAll, describe, expect, it } from '@jest/globals';
import type { SurveyQuestion } from '../../../shared/domain/conference/conference';
import { EnvNames } from '../../../shared/config/env';
import * as pages from '../../../shared/pages/survey/survey-pages';

// The pages name the hashed assets; a test gives them names of its own.
beforeAll(() => {
  process.env[EnvNames.pageAssets] = JSON.stringify({
    css: '/assets/app.css',
    js: '/assets/app.js',
    consoleJs: '/assets/console.js',
  });
});

const questions: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
  { id: 'recommend', kind: 'nps', prompt: 'Would you recommend it?' },
  { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Tea & <cake>'] },
  { id: 'comments', kind: 'text', prompt: 'Anything else?' },
];
const survey = {
  eventId: 'evt_1',
  eventTitle: 'Trust leaders day',
  timezone: 'Europe/London',
  closesAt: '2027-02-19T09:00:00.000Z',
  questions,
};

/** The label text of each radio of a group, in order. */
const labelsOf = (page: string, name: string): string[] =>
  [
    ...page.matchAll(
      new RegExp(
        `name="${name}" type="radio" value="[^"]*"[^>]*>\\s*<label[^>]*>\\s*([^<]*?)\\s*</label>`,
        'g',
      ),
    ),
  ].map((m) => m[1] ?? '');

describe('the survey form page', () => {
  it('asks each question with its labels: 1-5 and 0-10 as radios, choices, text with its limit', () => {
    const page = pages.surveyFormPage(survey, 'signed-value');

    expect(page).toContain('<title>Give feedback – Trust leaders day – Convene</title>');
    expect(page).toContain('How was Trust leaders day?');
    expect(page).toContain('The survey closes on Friday 19 February 2027 at 09:00.');
    expect(page).toContain('href="/events/evt_1"');
    expect(labelsOf(page, 'answers.overall')).toEqual([
      '1 – Poor',
      '2 – Fair',
      '3 – Good',
      '4 – Very good',
      '5 – Excellent',
    ]);
    const nps = labelsOf(page, 'answers.recommend');
    expect(nps).toHaveLength(11);
    expect([nps[0], nps[5], nps[10]]).toEqual(['0 – Not at all likely', '5', '10 – Extremely likely']);
    expect(labelsOf(page, 'answers.best')).toEqual(['Keynote', 'Tea &amp; &lt;cake&gt;']);
    expect(page).toMatch(/<textarea[^>]*name="answers.comments"/);
    expect(page).toContain('data-maxlength="2000"');
    expect(page).toContain('You can enter up to 2,000 characters');
    expect(page).toContain('Would you recommend it? (optional)');
    expect(page).not.toContain('How was the day overall? (optional)');
    expect(page).toContain('<input type="hidden" name="formToken" value="signed-value">');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)|\sstyle=|<style/);
  });

  it('shows the answers given again, with the error summary and a message beside each question', () => {
    const page = pages.surveyFormPage(survey, 'v', {
      values: { recommend: '7', best: 'Keynote', comments: 'Loved it' },
      errors: {
        summary: [{ text: 'Select an answer to ‘How was the day overall?’', href: '#answers-overall' }],
        byField: { 'answers-overall': 'Select an answer to ‘How was the day overall?’' },
      },
    });

    expect(page).toContain('<title>Error: Give feedback');
    expect(page).toContain('There is a problem');
    expect(page).toContain('href="#answers-overall"');
    expect(page).toMatch(/govuk-error-message[\s\S]*?Select an answer to ‘How was the day overall\?’/);
    expect(page).toMatch(/value="7" checked/);
    expect(page).toMatch(/value="Keynote" checked/);
    expect(page).toMatch(/>Loved it<\/textarea>/);
  });

  it('thanks with a confirmation panel, and says so when the link is opened again', () => {
    expect(pages.surveyThanksPage('Trust leaders day')).toMatch(
      /govuk-panel--confirmation[\s\S]*Thank you for your feedback/,
    );
    expect(pages.surveyAnsweredPage('Trust leaders day')).toContain('You have already answered this survey');
  });

  it.each([
    [403, 'This link does not work'],
    [404, 'There is no survey for this link'],
    [410, 'This survey has closed'],
  ])('answers a refusal %s to a browser with a page in words', (status, heading) => {
    const page = pages.surveyProblemPages(status, 'whatever the use-case said');
    expect(page.statusCode).toBe(status);
    expect(page.headers?.['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(heading);
  });
});
