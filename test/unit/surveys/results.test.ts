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

const five: StoredResponse[] = [
  { responseId: 'e', answers: { overall: 5, recommend: 10, best: 'Keynote', comments: 'Great day' } },
  { responseId: 'a', answers: { overall: 4, recommend: 9, best: 'Workshops' } },
  { responseId: 'c', answers: { overall: 4, recommend: 7, best: 'Workshops', comments: '=HYPERLINK("x")' } },
  { responseId: 'b', answers: { overall: 2, recommend: 3 } },
  { responseId: 'd', answers: { overall: 5, recommend: 10, best: 'Gone option', comments: 'More coffee' } },
];

describe('survey results', () => {
  it('withholds breakdowns below five responses, and says so', () => {
    const results = surveyResults(questions, five.slice(0, 4), 12);
    expect(results).toMatchObject({ invited: 12, responded: 4, responseRate: 0.333, withheld: true });
    expect(results.note).toMatch(/Fewer than 5/);
    expect(results.questions[0]).toEqual({ id: 'overall', kind: 'rating', prompt: 'Overall?', responses: 4 });
    for (const q of results.questions) {
      expect(q).not.toHaveProperty('mean');
      expect(q).not.toHaveProperty('distribution');
      expect(q).not.toHaveProperty('answers');
    }
  });

  it('from five responses: mean and distribution, NPS, counts per option, the text answers', () => {
    const results = surveyResults(questions, five, 12);
    expect(results).toMatchObject({ invited: 12, responded: 5, responseRate: 0.417, withheld: false });
    expect(results).not.toHaveProperty('note');
    const [overall, recommend, best, comments] = results.questions;
    expect(overall).toMatchObject({
      responses: 5,
      mean: 4,
      distribution: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 2 },
    });
    // Promoters 10, 9, 10; passive 7; detractor 3: (3 - 1) / 5 = 40.
    expect(recommend).toMatchObject({
      responses: 5,
      nps: { score: 40, promoters: 3, passives: 1, detractors: 1 },
    });
    expect(recommend?.distribution?.['10']).toBe(2);
    // An answer naming an option since removed no longer counts.
    expect(best).toMatchObject({ responses: 3, distribution: { Keynote: 1, Workshops: 2, Lunch: 0 } });
    // In response-id order (random), not in the order they came.
    expect(comments).toMatchObject({
      responses: 3,
      answers: ['=HYPERLINK("x")', 'More coffee', 'Great day'],
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
    const rows = surveyResponsesCsv(questions, five).trimEnd().split('\r\n');
    expect(rows[0]).toBe('response,overall,recommend,best,comments');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toBe('1,4,9,Workshops,');
    expect(rows[3]).toBe(`3,4,7,Workshops,"'=HYPERLINK(""x"")"`);
    expect(rows[4]).toBe('4,5,10,,More coffee');
  });

  it('exports the header only below five responses', () => {
    expect(surveyResponsesCsv(questions, five.slice(0, 4))).toBe(
      'response,overall,recommend,best,comments\r\n',
    );
  });
});
