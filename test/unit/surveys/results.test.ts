import { describe, expect, it } from '@jest/globals';
import type { SurveyQuestion } from '../../../shared/domain/conference';
import {
  netPromoterScore,
  surveyResponsesCsv,
  surveyResults,
  type StoredResponse,
} from '../../../shared/domain/surveys/results';

const questions: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', prompt: 'Overall?' },
  { id: 'recommend', kind: 'nps', prompt: 'Recommend?' },
  { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Workshops', 'Lunch'] },
  { id: 'comments', kind: 'text', prompt: 'Anything else?' },
];

const six: StoredResponse[] = [
  { responseId: 'e', answers: { overall: 5, recommend: 10, best: 'Keynote', comments: 'Great day' } },
  { responseId: 'a', answers: { overall: 4, recommend: 9, best: 'Workshops', comments: 'Good' } },
  { responseId: 'c', answers: { overall: 4, recommend: 7, best: 'Workshops', comments: '=HYPERLINK("x")' } },
  { responseId: 'b', answers: { overall: 2, recommend: 3 } },
  { responseId: 'd', answers: { overall: 5, recommend: 10, best: 'Gone option', comments: 'More coffee' } },
  { responseId: 'f', answers: { overall: 3, recommend: 8, best: 'Lunch', comments: 'Fine' } },
];

describe('survey results', () => {
  it('withholds breakdowns below five responses, and says so', () => {
    const results = surveyResults(questions, six.slice(0, 4), 12);
    expect(results).toMatchObject({ invited: 12, responded: 4, responseRate: 0.333, withheld: true });
    expect(results.note).toMatch(/Fewer than 5/);
    expect(results.questions[0]).toEqual({
      id: 'overall',
      kind: 'rating',
      prompt: 'Overall?',
      responses: 4,
      withheld: true,
    });
    for (const q of results.questions) {
      expect(q.withheld).toBe(true);
      expect(q).not.toHaveProperty('mean');
      expect(q).not.toHaveProperty('distribution');
      expect(q).not.toHaveProperty('answers');
    }
  });

  it('from five answers to a question: mean and distribution, NPS, counts per option, the text answers', () => {
    const results = surveyResults(questions, six, 12);
    expect(results).toMatchObject({ invited: 12, responded: 6, responseRate: 0.5, withheld: false });
    expect(results).not.toHaveProperty('note');
    const [overall, recommend, best, comments] = results.questions;
    expect(overall).toMatchObject({
      responses: 6,
      withheld: false,
      mean: 3.83,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 2, '5': 2 },
    });
    // Promoters 10, 9, 10; passives 7, 8; detractor 3: (3 - 1) / 6 = 33.
    expect(recommend).toMatchObject({
      responses: 6,
      nps: { score: 33, promoters: 3, passives: 2, detractors: 1 },
    });
    expect(recommend?.distribution?.['10']).toBe(2);
    // Four fitting answers (one names an option since removed): this question's breakdown is withheld.
    expect(best).toEqual({ id: 'best', kind: 'choice', prompt: 'Best part?', responses: 4, withheld: true });
    // In response-id order (random), not in the order they came.
    expect(comments).toMatchObject({
      responses: 5,
      withheld: false,
      answers: ['Good', '=HYPERLINK("x")', 'More coffee', 'Great day', 'Fine'],
    });
  });

  it('has no rate before anyone is invited', () => {
    expect(surveyResults(questions, [], 0).responseRate).toBeNull();
  });

  it('scores NPS from -100 to 100', () => {
    expect(netPromoterScore([0, 1, 6])?.score).toBe(-100);
    expect(netPromoterScore([9, 10])?.score).toBe(100);
    expect(netPromoterScore([7, 8])).toEqual({ score: 0, promoters: 0, passives: 2, detractors: 0 });
    expect(netPromoterScore([])).toBeNull();
  });

  it('exports one row per response and one column per question, formulas neutralised', () => {
    const rows = surveyResponsesCsv(questions, six).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'response,overall,recommend,best,comments',
      '1,4,9,,Good',
      '2,2,3,,',
      `3,4,7,,"'=HYPERLINK(""x"")"`,
      '4,5,10,,More coffee',
      '5,5,10,,Great day',
      '6,3,8,,Fine',
    ]);
  });

  it('exports the header only below five responses', () => {
    expect(surveyResponsesCsv(questions, six.slice(0, 4))).toBe(
      'response,overall,recommend,best,comments\r\n',
    );
  });
});
