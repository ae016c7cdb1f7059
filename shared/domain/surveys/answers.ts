import type { SurveyQuestion } from '../conference/conference';
import { invalid, type FieldProblem } from '../errors';

/** One answer as stored: a score for rating and nps, the option's text for choice, the words for text. */
export type AnswerValue = number | string;
export type Answers = Readonly<Record<string, AnswerValue>>;

/** The scores each scored kind takes (API.md: rating 1-5, nps 0-10). */
export const SCALES = { rating: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

/** Longest text answer kept; a survey box, not an essay. */
export const MAX_TEXT_ANSWER = 2000;

const isScore = (value: unknown, scale: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;

/** The problem with one answer to one question, or the value to keep (undefined: left blank). */
const checkOne = (
  q: SurveyQuestion,
  value: unknown,
): { ok: true; value: AnswerValue | undefined } | { ok: false; message: string } => {
  switch (q.kind) {
    case 'rating':
    case 'nps': {
      const scale = SCALES[q.kind];
      return isScore(value, scale)
        ? { ok: true, value }
        : { ok: false, message: `Expected a whole number from ${scale.min} to ${scale.max}` };
    }
    case 'choice':
      return typeof value === 'string' && (q.options ?? []).includes(value)
        ? { ok: true, value }
        : { ok: false, message: `Expected one of: ${(q.options ?? []).join(', ')}` };
    case 'text': {
      if (typeof value !== 'string') return { ok: false, message: 'Expected text' };
      const words = value.replace(/\r\n?/g, '\n').trim();
      if (words.length > MAX_TEXT_ANSWER)
        return { ok: false, message: `Keep it to ${MAX_TEXT_ANSWER} characters` };
      return { ok: true, value: words === '' ? undefined : words };
    }
  }
};

/**
 * Checks a delegate's answers against the survey's questions, collecting every problem at once: an
 * unknown question, a value its kind does not take, a required question left unanswered, or nothing
 * answered at all. An empty text answer counts as left blank. Returns the answers to keep.
 */
export const checkAnswers = (
  questions: readonly SurveyQuestion[],
  given: Readonly<Record<string, unknown>>,
): Answers => {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: FieldProblem[] = [];
  const kept: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(given)) {
    const q = byId.get(id);
    if (!q) {
      problems.push({ path: `answers.${id}`, message: 'Not a question of this survey' });
      continue;
    }
    const checked = checkOne(q, value);
    if (!checked.ok) problems.push({ path: `answers.${id}`, message: checked.message });
    else if (checked.value !== undefined) kept[id] = checked.value;
  }
  for (const q of questions) {
    if (q.required && kept[q.id] === undefined && !problems.some((p) => p.path === `answers.${q.id}`)) {
      problems.push({ path: `answers.${q.id}`, message: 'This question needs an answer' });
    }
  }
  if (problems.length === 0 && Object.keys(kept).length === 0) {
    problems.push({ path: 'answers', message: 'Answer at least one question' });
  }
  if (problems.length > 0) throw invalid(problems, 'Some answers cannot be accepted.');
  return kept;
};

/** Whether a stored answer still fits the question as it stands (an organiser may edit a survey). */
export const fitsQuestion = (q: SurveyQuestion, value: AnswerValue | undefined): value is AnswerValue =>
  value !== undefined && checkOne(q, value).ok;
