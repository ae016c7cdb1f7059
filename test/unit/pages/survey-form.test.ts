import { describe, expect, it } from '@jest/globals';
import type { SurveyQuestion } from '../../../shared/domain/conference/conference';
import { checkAnswers } from '../../../shared/domain/surveys/answers';
import type { DomainError } from '../../../shared/domain/errors';
import { pageErrors } from '../../../shared/pages/form-errors';
import { readSurveyForm, surveyFieldCopy, surveySubject } from '../../../shared/pages/survey/survey-form';

const questions: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
  { id: 'recommend', kind: 'nps', prompt: 'Would you recommend it to a colleague?' },
  { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Workshops'] },
  { id: 'comments', kind: 'text', prompt: 'Anything else?' },
];

/** The problems the use-case finds in what the form gives it. */
const problemsOf = (answers: Record<string, unknown>) => {
  try {
    checkAnswers(questions, answers);
    return [];
  } catch (error) {
    return (error as DomainError).details;
  }
};

describe('reading a posted survey form', () => {
  it('gives scores as whole numbers and choices and text as written, as the JSON route takes them', () => {
    const form = readSurveyForm(questions, {
      formToken: 'signed',
      'answers.overall': '4',
      'answers.recommend': '0',
      'answers.best': 'Workshops',
      'answers.comments': 'More tea',
    });

    expect(form.answers).toEqual({ overall: 4, recommend: 0, best: 'Workshops', comments: 'More tea' });
    expect(form.formToken).toBe('signed');
    expect(problemsOf(form.answers)).toEqual([]);
  });

  it('leaves a radio group not chosen unanswered, and keeps what was typed to show again', () => {
    const form = readSurveyForm(questions, { 'answers.comments': '  ', 'answers.best': '' });

    expect(form.answers).toEqual({ comments: '  ' });
    expect(form.values).toEqual({ comments: '  ', best: '' });
    expect(problemsOf(form.answers)).toEqual([{ path: 'answers.overall', message: expect.any(String) }]);
  });

  it('passes a tampered score or an unknown question on, for the use-case to refuse', () => {
    const form = readSurveyForm(questions, {
      'answers.overall': '9',
      'answers.recommend': 'ten',
      'answers.extra': 'x',
      other: 'not an answer',
    });

    expect(form.answers).toEqual({ overall: 9, recommend: 'ten', extra: 'x' });
    expect(problemsOf(form.answers).map((p) => p.path)).toEqual([
      'answers.overall',
      'answers.recommend',
      'answers.extra',
    ]);
  });
});

describe("the survey form's error messages", () => {
  it('name each question to fix in page order, in GOV.UK words, linking to its field', () => {
    const values = { comments: 'x'.repeat(2001) };
    const answers = readSurveyForm(questions, { 'answers.comments': values.comments }).answers;

    const errors = pageErrors(problemsOf(answers), surveyFieldCopy(questions, values), {
      id: 'answers-overall',
    });

    expect(errors.summary).toEqual([
      { text: 'Select an answer to ‘How was the day overall?’', href: '#answers-overall' },
      {
        text: 'Your answer to ‘Anything else?’ must be 2,000 characters or less',
        href: '#answers-comments',
      },
    ]);
  });

  it('ask for words where a required text question is left empty, and cut a long prompt short', () => {
    const long = `${'Tell us about the workshops you went to and what you will do next '.repeat(3)}?`;
    const copy = surveyFieldCopy([{ id: 'w', kind: 'text', prompt: long, required: true }], {});

    expect(copy[0]?.message).toMatch(/^Enter an answer to ‘Tell us about the workshops .{40,}…’$/);
    expect(copy[0]?.message.length).toBeLessThan(110);
  });

  it('bind the form value to one link: another link has another subject', () => {
    expect(surveySubject('a.b')).not.toBe(surveySubject('a.c'));
    expect(surveySubject('a.b')).toBe(surveySubject('a.b'));
  });
});
