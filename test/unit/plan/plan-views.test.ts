import { describe, expect, it } from '@jest/globals';
import { planDays } from '../../../shared/console/plan/plan-days';
import { barChart, chartOf, columnChart, wrapLabel } from '../../../shared/console/plan/survey-charts';
import { surveyResultsView } from '../../../shared/console/plan/survey-results-view';
import type { ConsoleSession } from '../../../shared/console/console-session';
import type { PlanItem } from '../../../shared/domain/plan/comms-plan';
import type { Answers } from '../../../shared/domain/surveys/answers';
import { surveyResults } from '../../../shared/domain/surveys/results';

const session = (groups: string[]): ConsoleSession => ({
  subject: 'u1',
  groups,
  email: 'someone@example.org',
  tokenId: 't1',
  expiresAt: new Date('2030-01-01T00:00:00Z'),
});

const EVENT_ID = 'evt_1';

const items: PlanItem[] = [
  {
    itemId: 'reminder-1d-0900',
    kind: 'reminder',
    title: 'Tomorrow!',
    state: 'sent',
    sentTo: 3,
    at: '2027-03-31T08:00:00.000Z',
    edit: { part: 'reminders' },
  },
  {
    itemId: 'campaign-cmp_1',
    kind: 'campaign',
    title: 'Parking',
    state: 'scheduled',
    at: '2027-03-31T22:30:00.000Z',
    edit: { part: 'campaign', campaignId: 'cmp_1' },
  },
  {
    itemId: 'post-post_1',
    kind: 'post',
    title: 'Doors open',
    state: 'scheduled',
    at: '2027-04-01T07:30:00.000Z',
    edit: { part: 'post', postId: 'post_1' },
  },
];

describe('the plan page', () => {
  it("groups items by day in the event's zone, with the time there", () => {
    const days = planDays(items, EVENT_ID, 'Europe/London', session(['organisers']));
    expect(days.map((d) => [d.heading, d.entries.map((e) => [e.time, e.kind, e.tag.text])])).toEqual([
      [
        'Wednesday 31 March 2027',
        [
          ['09:00', 'Reminder', 'Sent'],
          ['23:30', 'Campaign', 'Scheduled'],
        ],
      ],
      ['Thursday 1 April 2027', [['08:30', 'Post to X', 'Scheduled']]],
    ]);
    expect(days[0]?.entries[0]?.detail).toBe('Sent to 3 delegates.');
  });

  it('links each item to the page that edits it, where the person may open that page', () => {
    const links = (groups: string[]) =>
      planDays(items, EVENT_ID, 'Europe/London', session(groups)).flatMap((d) =>
        d.entries.map((e) => [e.editText, e.editUrl]),
      );
    expect(links(['organisers'])).toEqual([
      ['View', '/console/events/evt_1/edit/reminders'],
      ['Change', '/console/events/evt_1/campaigns/cmp_1'],
      ['Change', '/console/events/evt_1/posts/post_1'],
    ]);
    // Campaigns and the event's reminders are organisers' pages: comms sees them without a link.
    expect(links(['comms'])).toEqual([
      ['View', undefined],
      ['Change', undefined],
      ['Change', '/console/events/evt_1/posts/post_1'],
    ]);
  });
});

describe('the survey results page', () => {
  const questions = [
    { id: 'overall', kind: 'rating' as const, prompt: 'How was the day overall?' },
    { id: 'recommend', kind: 'nps' as const, prompt: 'Would you recommend it?' },
    { id: 'best', kind: 'choice' as const, prompt: 'Best part?', options: ['Keynote', 'Workshops'] },
    { id: 'comments', kind: 'text' as const, prompt: 'Anything else?' },
  ];
  const answers: Answers[] = [
    { overall: 5, recommend: 10, best: 'Keynote', comments: 'Great' },
    { overall: 4, recommend: 9, best: 'Workshops' },
    { overall: 4, recommend: 7, best: 'Workshops' },
    { overall: 2, recommend: 3, best: 'Workshops' },
    { overall: 5, recommend: 10, best: 'Keynote' },
  ];
  const responses = answers.map((a, i) => ({ responseId: `r${i}`, answers: a }));

  it('gives the rate, a chart per question and explains a question withheld', () => {
    const view = surveyResultsView(
      { ...surveyResults(questions, responses, 8), closesAt: '2027-04-09T08:00:00.000Z' },
      'Europe/London',
      new Date('2027-04-05T12:00:00Z'),
    );
    expect(view.responseRate).toBe('63%');
    expect(view.responded).toBe('5 people answered of 8 invited');
    expect(view.closes).toBe('The survey closes on Friday 9 April 2027 at 09:00.');
    const [overall, recommend, best, comments] = view.questions;
    expect(overall?.figure).toEqual({ label: 'Average rating', value: '4 out of 5' });
    expect(overall?.chart?.type).toBe('columns');
    expect(recommend?.figure?.value).toBe('+40');
    expect(recommend?.chart).toMatchObject({
      type: 'bars',
      rows: [
        { label: 'Detractors (0 to 6)', count: 1, percent: 20, tone: 'detractors' },
        { label: 'Passives (7 or 8)', count: 1, percent: 20, tone: 'passives' },
        { label: 'Promoters (9 or 10)', count: 3, percent: 60, tone: 'promoters' },
      ],
    });
    expect(best?.chart).toMatchObject({
      rows: [
        { label: 'Keynote', count: 2 },
        { label: 'Workshops', count: 3 },
      ],
    });
    expect(comments).toMatchObject({ answered: '1 person answered' });
    expect(comments?.answers).toBeUndefined();
    expect(comments?.withheldNote).toMatch(/^Fewer than 5 people answered this question/);
  });

  it('shows no chart at all while the whole survey is withheld; the note says why', () => {
    const view = surveyResultsView(
      surveyResults(questions, responses.slice(0, 2), 8),
      'Europe/London',
      new Date(),
    );
    expect(view.note).toMatch(/Fewer than 5/);
    expect(view.questions.every((q) => q.chart === undefined && q.withheldNote === undefined)).toBe(true);
  });
});

describe('the charts', () => {
  it('draws columns to scale, the tallest at full height, an empty one flat', () => {
    const chart = columnChart([
      { label: '1', count: 0 },
      { label: '2', count: 2 },
      { label: '3', count: 4 },
    ]);
    expect(chart.columns.map((c) => [c.barHeight, c.percent, c.centre])).toEqual([
      [0, 0, '16.67%'],
      [70, 33, '50%'],
      [140, 67, '83.33%'],
    ]);
    expect(chart.columns[2]?.y).toBe(chart.baseline - 140);
  });

  it('draws bars to scale with room for the count, labels wrapped at spaces', () => {
    const chart = barChart([
      { label: 'Workshops and the conversations between them over lunch', count: 3 },
      { label: 'Keynote', count: 1 },
    ]);
    expect(chart.rows.map((r) => [r.width, r.lines.map((l) => l.text)])).toEqual([
      ['75%', ['Workshops and the conversations', 'between them over lunch']],
      ['25%', ['Keynote']],
    ]);
    expect(chart.rows[1]!.lines[0]!.y).toBeGreaterThan(chart.rows[0]!.y + 24);
    expect(chart.height).toBeGreaterThan(chart.rows[1]!.y);
    expect(wrapLabel('Supercalifragilisticexpialidocious-and-more words', 10)).toEqual([
      'Supercalifragilisticexpialidocious-and-more',
      'words',
    ]);
  });

  it('has none for text answers or a withheld breakdown', () => {
    const base = { id: 'q', prompt: 'Q', responses: 5 };
    expect(chartOf({ ...base, kind: 'text', withheld: false, answers: ['a'] })).toBeUndefined();
    expect(chartOf({ ...base, kind: 'rating', withheld: true })).toBeUndefined();
  });
});
