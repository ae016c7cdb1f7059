import type { QuestionResult, SurveyResults } from '../../domain/surveys/results';
import { FREE_TEXT_NOTE } from '../../domain/gdpr/notes';
import { formatMomentForUk } from '../../domain/wall-clock';
import { chartOf, type Chart } from './survey-charts';

/** One question's results as the page shows them. */
export interface QuestionView {
  readonly id: string;
  readonly prompt: string;
  readonly answered: string;
  /** The figure beside the chart: a rating's average, the Net Promoter Score. */
  readonly figure?: { readonly label: string; readonly value: string; readonly hint?: string };
  readonly chart?: Chart;
  readonly answers?: readonly string[];
  /** Why this question's breakdown is not shown, where the survey's is (the survey's note covers the rest). */
  readonly withheldNote?: string;
}

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

const figureOf = (q: QuestionResult): QuestionView['figure'] => {
  if (q.kind === 'rating' && typeof q.mean === 'number') {
    return { label: 'Average rating', value: `${q.mean} out of 5` };
  }
  if (q.kind === 'nps' && q.nps) {
    return {
      label: 'Net Promoter Score',
      value: signed(q.nps.score),
      hint: 'The share of promoters minus the share of detractors, from -100 to +100.',
    };
  }
  return undefined;
};

const questionView = (q: QuestionResult, results: SurveyResults): QuestionView => {
  const figure = figureOf(q);
  const chart = chartOf(q);
  return {
    id: q.id,
    prompt: q.prompt,
    answered: `${people(q.responses)} answered`,
    ...(figure ? { figure } : {}),
    ...(chart ? { chart } : {}),
    ...(!q.withheld && q.answers ? { answers: q.answers } : {}),
    ...(q.withheld && !results.withheld
      ? {
          withheldNote:
            `Fewer than ${results.minimumResponses} people answered this question, so its answers are not ` +
            'shown: in a group this small an answer could be traced to the person who gave it.',
        }
      : {}),
  };
};

/** The results page's numbers in words: the response rate, when the survey closes, each question. */
export const surveyResultsView = (
  results: SurveyResults & { readonly closesAt?: string },
  zone: string,
  now: Date,
) => ({
  responseRate: results.responseRate === null ? undefined : `${Math.round(results.responseRate * 100)}%`,
  responded: `${people(results.responded)} answered of ${results.invited} invited`,
  closes: results.closesAt
    ? `${new Date(results.closesAt) > now ? 'The survey closes on' : 'The survey closed on'} ${formatMomentForUk(new Date(results.closesAt), zone)}.`
    : undefined,
  note: results.note,
  questions: results.questions.map((q) => questionView(q, results)),
  // Shown where written answers are (the page and its CSV): they may identify their author.
  freeTextNote: results.questions.some((q) => q.kind === 'text') ? FREE_TEXT_NOTE : undefined,
});
