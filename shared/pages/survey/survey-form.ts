import { createHash } from 'node:crypto';
import type { SurveyQuestion } from '../../domain/conference/conference';
import { MAX_TEXT_ANSWER } from '../../domain/surveys/answers';
import type { FieldCopy } from '../form-errors';

/** The form-guard's name for the survey form. */

/**
 * The form-guard subject of one delegate's survey: a digest of the link's token, so a form value signed
 * for one link does not pass on another and the token is not copied into the form.
 */
export const surveySubject = (token: string): string =>
  createHash('sha256').update(token).digest('base64url').slice(0, 32);

/** A question's field: its name in the posted form and its element's id (what error links point at). */
export const fieldName = (questionId: string): string => `answers.${questionId}`;
export const fieldId = (questionId: string): string => `answers-${questionId}`;

/** What a delegate posted, by question id, exactly as typed or chosen (to show again beside an error). */
export type PostedValues = Readonly<Record<string, string>>;

export interface SurveyForm {
  /** The answers for the use-case, as the JSON route takes them: whole numbers for scores. */
  readonly answers: Record<string, number | string>;
  readonly values: PostedValues;
  readonly formToken: string | undefined;
}

const SCORE = /^\d{1,2}$/;

/**
 * Reads a posted survey form. Every `answers.<id>` field goes to the use-case, which checks it against
 * the questions (an unknown id or a score out of range is refused there, as on the JSON route); a radio
 * group left alone posts nothing, and an empty box counts as unanswered. Other fields are not answers.
 */
export const readSurveyForm = (
  questions: readonly SurveyQuestion[],
  form: Readonly<Record<string, string>>,
): SurveyForm => {
  const kinds = new Map(questions.map((q) => [q.id, q.kind]));
  const answers: Record<string, number | string> = {};
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('answers.')) continue;
    const id = name.slice('answers.'.length);
    values[id] = value;
    const kind = kinds.get(id);
    if (kind === 'text') answers[id] = value;
    else if (value === '') continue;
    else answers[id] = (kind === 'rating' || kind === 'nps') && SCORE.test(value) ? Number(value) : value;
  }
  return { answers, values, formToken: form.formToken };
};

/** Long prompts are cut short in an error message; the question itself is one click away. */
const quoted = (prompt: string): string => {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return `‘${line.length > 80 ? `${line.slice(0, 77).trimEnd()}…` : line}’`;
};

const tooLong = (value: string | undefined): boolean =>
  (value ?? '').replace(/\r\n?/g, '\n').trim().length > MAX_TEXT_ANSWER;

/** Each question as the error summary names it, in GOV.UK's words: what to do, not what went wrong. */
export const surveyFieldCopy = (questions: readonly SurveyQuestion[], values: PostedValues): FieldCopy[] =>
  questions.map((q) => ({
    path: fieldName(q.id),
    id: fieldId(q.id),
    message:
      q.kind !== 'text'
        ? `Select an answer to ${quoted(q.prompt)}`
        : tooLong(values[q.id])
          ? `Your answer to ${quoted(q.prompt)} must be ${MAX_TEXT_ANSWER.toLocaleString('en-GB')} characters or less`
          : `Enter an answer to ${quoted(q.prompt)}`,
  }));
