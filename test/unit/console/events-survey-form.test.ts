import { describe, expect, it } from '@jest/globals';
import { updateEventRequest } from '../../../shared/api/event-schemas';
import { fieldCopyOf } from '../../../shared/console/events/field-rules';
import {
  readSurveyValues,
  surveyProblems,
  surveyRequest,
  surveyRules,
  surveyValuesOf,
} from '../../../shared/console/events/survey-form';
import { pageErrors } from '../../../shared/pages/form-errors';

const posted = {
  'survey-daysAfter': '1',
  'survey-at': '10:00',
  'survey-closesAfterDays': '',
  'survey-reminder-daysAfter': '',
  'survey-reminder-at': '',
  'question-0-id': 'overall',
  'question-0-kind': 'rating',
  'question-0-prompt': 'Overall, how was the day?',
  'question-0-required': 'yes',
  'question-1-id': '',
  'question-1-kind': 'choice',
  'question-1-prompt': 'Which part was most useful?',
  'question-1-options': 'Keynotes\r\n\r\n Workshops \r\nNetworking',
  'question-2-id': '',
  'question-2-kind': 'text',
  'question-2-prompt': 'Which part was most useful?',
  'question-3-id': '',
  'question-3-kind': 'rating',
  'question-3-prompt': '',
};

describe('the survey form', () => {
  it('gives the survey PATCH takes: new questions named from their words, options one per line', () => {
    const { survey, rowOf } = surveyRequest(readSurveyValues(posted));

    expect(survey).toEqual({
      daysAfter: 1,
      at: '10:00',
      questions: [
        { id: 'overall', kind: 'rating', prompt: 'Overall, how was the day?', required: true },
        {
          id: 'which-part-was-most-useful',
          kind: 'choice',
          prompt: 'Which part was most useful?',
          options: ['Keynotes', 'Workshops', 'Networking'],
        },
        { id: 'which-part-was-most-useful-2', kind: 'text', prompt: 'Which part was most useful?' },
      ],
    });
    expect(rowOf).toEqual([0, 1, 2]);
    expect(updateEventRequest.safeParse({ survey }).success).toBe(true);
  });

  it('sends a reminder and a close only when typed', () => {
    const { survey } = surveyRequest(
      readSurveyValues({
        ...posted,
        'survey-closesAfterDays': '10',
        'survey-reminder-daysAfter': '5',
        'survey-reminder-at': '9.30',
      }),
    );

    expect(survey).toMatchObject({ closesAfterDays: 10, reminder: { daysAfter: 5, at: '09:30' } });
  });

  it('says what to fix: no questions, a choice without options, a reminder at the wrong time', () => {
    const values = readSurveyValues(posted);
    const { rowOf } = surveyRequest(values);
    const problems = surveyProblems([
      { path: 'survey.reminder', message: 'The reminder must go after the invitation' },
      { path: 'survey.questions.1.options', message: 'A choice question needs at least two options' },
    ]);

    const errors = pageErrors(problems, fieldCopyOf(surveyRules(values, rowOf), problems), { id: 'x' });

    expect(errors.summary).toEqual([
      {
        text: 'The reminder must go after the invitation and before the survey closes',
        href: '#survey-reminder-daysAfter',
      },
      { text: 'Enter at least two options for question 2, one on each line', href: '#question-1-options' },
    ]);
  });

  it('names the question in each message, so two with the same problem are two lines of the summary', () => {
    const values = readSurveyValues({
      ...posted,
      'question-0-prompt': '',
      'question-1-prompt': '',
    });
    const { rowOf } = surveyRequest(values);
    const problems = surveyProblems([
      { path: 'survey.questions.0.prompt', message: 'Too small' },
      { path: 'survey.questions.1.prompt', message: 'Too small' },
    ]);

    const errors = pageErrors(problems, fieldCopyOf(surveyRules(values, rowOf), problems), { id: 'x' });

    expect(errors.summary).toEqual([
      { text: 'Enter the wording of question 1', href: '#question-0-prompt' },
      { text: 'Enter the wording of question 2', href: '#question-1-prompt' },
    ]);
  });

  it('starts a first survey the day after at 10:00, with blank questions', () => {
    const values = surveyValuesOf(undefined);

    expect([values.daysAfter, values.at]).toEqual(['1', '10:00']);
    expect(values.questions.every((q) => q.prompt === '')).toBe(true);
  });
});
