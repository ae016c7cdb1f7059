import { describe, expect, it } from '@jest/globals';
import type { SurveyQuestion } from '../../../shared/domain/conference';
import { DomainError } from '../../../shared/domain/errors';
import { checkAnswers } from '../../../shared/domain/surveys/answers';

const questions: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', prompt: 'Overall?', required: true },
  { id: 'recommend', kind: 'nps', prompt: 'Recommend?' },
  { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Workshops'] },
  { id: 'comments', kind: 'text', prompt: 'Anything else?' },
];

const problemsOf = (given: Record<string, unknown>) => {
  try {
    checkAnswers(questions, given);
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, details: error.details };
    throw error;
  }
  throw new Error('accepted');
};

describe('checking answers against the questions', () => {
  it('keeps answers that fit, trimming text and dropping a blank one', () => {
    expect(
      checkAnswers(questions, { overall: 5, recommend: 0, best: 'Workshops', comments: '  Loved it \r\n' }),
    ).toEqual({ overall: 5, recommend: 0, best: 'Workshops', comments: 'Loved it' });
    expect(checkAnswers(questions, { overall: 1, comments: '   ' })).toEqual({ overall: 1 });
  });

  it.each([
    ['a rating of 6', { overall: 6 }, 'answers.overall'],
    ['a rating of 0', { overall: 0 }, 'answers.overall'],
    ['a rating of 2.5', { overall: 2.5 }, 'answers.overall'],
    ['a rating as text', { overall: '5' }, 'answers.overall'],
    ['an nps of 11', { overall: 3, recommend: 11 }, 'answers.recommend'],
    ['an nps of -1', { overall: 3, recommend: -1 }, 'answers.recommend'],
    ['an option not offered', { overall: 3, best: 'Lunch' }, 'answers.best'],
    ['a number for text', { overall: 3, comments: 4 }, 'answers.comments'],
    ['text over 2000 characters', { overall: 3, comments: 'x'.repeat(2001) }, 'answers.comments'],
    ['an unknown question', { overall: 3, venue: 4 }, 'answers.venue'],
    ['a required question missing', { recommend: 9 }, 'answers.overall'],
  ])('refuses %s (400, naming the field)', (_what, given, path) => {
    const { kind, details } = problemsOf(given);
    expect(kind).toBe('invalid');
    expect(details.map((d) => d.path)).toEqual([path]);
  });

  it('collects every problem at once, and refuses an empty submission', () => {
    expect(
      problemsOf({ overall: 9, recommend: 12, nope: 1 })
        .details.map((d) => d.path)
        .sort(),
    ).toEqual(['answers.nope', 'answers.overall', 'answers.recommend']);
    const optional = questions.map((q) => ({ ...q, required: false }));
    expect(() => checkAnswers(optional, {})).toThrow(DomainError);
  });
});
