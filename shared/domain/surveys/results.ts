import type { QuestionKind, SurveyQuestion } from '../conference/conference';
import { toCsv } from '../csv';
import { fitsQuestion, SCALES, type Answers } from './answers';

/**
 * Below this many answers, a breakdown is withheld: in a small group a distribution or a comment can
 * point at the person who gave it. It holds for the survey (fewer responses: every breakdown withheld)
 * and for each question (an optional question few answered keeps its breakdown to itself).
 */
export const MIN_RESPONSES_FOR_BREAKDOWN = 5;

/** One stored response: a random id (no time, no registration), and the answers. */
export interface StoredResponse {
  readonly responseId: string;
  readonly answers: Answers;
}

export interface NetPromoterScore {
  /** % promoters (9-10) minus % detractors (0-6), a whole number from -100 to 100. */
  readonly score: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export interface QuestionResult {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  /** How many responses answered this question. */
  readonly responses: number;
  /** True when this question's breakdown is withheld (fewer than the minimum answered it). */
  readonly withheld: boolean;
  readonly mean?: number | null;
  readonly distribution?: Readonly<Record<string, number>>;
  readonly nps?: NetPromoterScore | null;
  readonly answers?: readonly string[];
}

export interface SurveyResults {
  readonly invited: number;
  readonly responded: number;
  /** responded / invited, 0-1 to three places; null before anyone is invited. */
  readonly responseRate: number | null;
  /** True when breakdowns are withheld because fewer than the minimum answered. */
  readonly withheld: boolean;
  readonly minimumResponses: number;
  readonly note?: string;
  readonly questions: readonly QuestionResult[];
}

const round = (value: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

const counted = (keys: readonly string[], values: readonly (number | string)[]): Record<string, number> => {
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
};

const scaleKeys = (kind: 'rating' | 'nps'): string[] => {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
};

const mean = (scores: readonly number[]): number | null =>
  scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length, 2);

export const netPromoterScore = (scores: readonly number[]): NetPromoterScore | null => {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const passives = scores.length - promoters - detractors;
  return {
    score: Math.round(((promoters - detractors) / scores.length) * 100),
    promoters,
    passives,
    detractors,
  };
};

/** The breakdown of one question's answers by its kind (answers that no longer fit it are left out). */
const breakdown = (q: SurveyQuestion, values: readonly (number | string)[]): Partial<QuestionResult> => {
  switch (q.kind) {
    case 'rating':
      return { mean: mean(values as number[]), distribution: counted(scaleKeys('rating'), values) };
    case 'nps':
      return {
        nps: netPromoterScore(values as number[]),
        mean: mean(values as number[]),
        distribution: counted(scaleKeys('nps'), values),
      };
    case 'choice':
      return { distribution: counted(q.options ?? [], values) };
    case 'text':
      return { answers: values as string[] };
  }
};

const valuesFor = (q: SurveyQuestion, responses: readonly StoredResponse[]): (number | string)[] =>
  responses.flatMap((r) => {
    const value = r.answers[q.id];
    return fitsQuestion(q, value) ? [value] : [];
  });

/**
 * The survey's results as organisers read them: invited, responded and the rate, then per question the
 * count and, once at least `MIN_RESPONSES_FOR_BREAKDOWN` delegates answered, the breakdown by kind
 * (rating: mean and distribution; nps: score, promoters/passives/detractors; choice: counts per option;
 * text: the answers). Responses are taken in id order, which is random, so order tells nothing.
 */
export const surveyResults = (
  questions: readonly SurveyQuestion[],
  responses: readonly StoredResponse[],
  invited: number,
): SurveyResults => {
  const ordered = [...responses].sort((a, b) => a.responseId.localeCompare(b.responseId));
  const withheld = ordered.length < MIN_RESPONSES_FOR_BREAKDOWN;
  return {
    invited,
    responded: ordered.length,
    responseRate: invited === 0 ? null : round(ordered.length / invited, 3),
    withheld,
    minimumResponses: MIN_RESPONSES_FOR_BREAKDOWN,
    ...(withheld
      ? {
          note:
            `Fewer than ${MIN_RESPONSES_FOR_BREAKDOWN} delegates have answered, so per-question breakdowns ` +
            'are withheld: in a group this small an answer could be traced to the person who gave it.',
        }
      : {}),
    questions: questions.map((q) => {
      const values = valuesFor(q, ordered);
      const held = withheld || values.length < MIN_RESPONSES_FOR_BREAKDOWN;
      return {
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        responses: values.length,
        withheld: held,
        ...(held ? {} : breakdown(q, values)),
      };
    }),
  };
};

/**
 * The responses as CSV, one row per response and one column per question (by id), in random id order
 * with a running number: no names, addresses, registration ids or times. For the same reason the
 * breakdowns are withheld, there are no rows while the responses are fewer than
 * `MIN_RESPONSES_FOR_BREAKDOWN`, and a question answered by fewer than that has an empty column.
 */
export const surveyResponsesCsv = (
  questions: readonly SurveyQuestion[],
  responses: readonly StoredResponse[],
): string => {
  const header = ['response', ...questions.map((q) => q.id)];
  if (responses.length < MIN_RESPONSES_FOR_BREAKDOWN) return toCsv(header, []);
  const ordered = [...responses].sort((a, b) => a.responseId.localeCompare(b.responseId));
  const shown = questions.filter((q) => valuesFor(q, ordered).length >= MIN_RESPONSES_FOR_BREAKDOWN);
  return toCsv(
    header,
    ordered.map((r, i) => [
      i + 1,
      ...questions.map((q) => {
        const value = r.answers[q.id];
        return shown.includes(q) && fitsQuestion(q, value) ? value : '';
      }),
    ]),
  );
};
