import type { SurveyQuestion } from '../../domain/conference/conference';
import { MAX_TEXT_ANSWER, SCALES } from '../../domain/surveys/answers';
import { formatMomentForUk } from '../../domain/wall-clock';
import type { ProblemPages } from '../../http/contract-core';
import { html, type HttpResult } from '../../http/respond';
import { noErrors, type PageErrors } from '../form-errors';
import { problemPages } from '../problem-pages';
import { renderPage } from '../render';
import { fieldId, fieldName, type PostedValues } from './survey-form';

/** The survey as its page shows it: what the use-case `showSurvey` gives. */
export interface SurveyShown {
  readonly eventId: string;
  readonly eventTitle: string;
  readonly timezone: string;
  readonly closesAt: string;
  readonly questions: readonly SurveyQuestion[];
}

/** A rating's five scores each have a word; a 0-10 scale names its two ends, as the question is usually put. */
const RATING_WORDS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'];
const NPS_ENDS = { 0: 'Not at all likely', 10: 'Extremely likely' } as Readonly<Record<number, string>>;

const scoreItems = (kind: 'rating' | 'nps') => {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const score = min + i;
    const word = kind === 'rating' ? RATING_WORDS[i] : NPS_ENDS[score];
    return { value: String(score), text: word ? `${score} – ${word}` : String(score) };
  });
};

// Each rating score has its word; the 0-10 scale's middle scores are numbers only, so the hint says what they run between.
const hintOf = (q: SurveyQuestion): string | undefined =>
  q.kind === 'nps' ? 'Select a score from 0 (not at all likely) to 10 (extremely likely).' : undefined;

/** One question as the template draws it: a radio group (scores, choice) or a character count (text). */
const questionView = (q: SurveyQuestion, values: PostedValues, errors: PageErrors) => ({
  kind: q.kind,
  name: fieldName(q.id),
  id: fieldId(q.id),
  // GOV.UK marks the optional questions, not the required ones.
  label: q.required ? q.prompt : `${q.prompt} (optional)`,
  hint: hintOf(q),
  value: values[q.id] ?? '',
  error: errors.byField[fieldId(q.id)],
  // Scores side by side (GOV.UK's inline radios stack them on a phone, where they would be too narrow to tap).
  inline: q.kind === 'rating' || q.kind === 'nps',
  items:
    q.kind === 'rating' || q.kind === 'nps'
      ? scoreItems(q.kind)
      : (q.options ?? []).map((option) => ({ value: option, text: option })),
});

/** The questions as a form; after a refused post, with the answers given and the errors beside them. */
export const surveyFormPage = (
  survey: SurveyShown,
  formToken: string,
  options: { values?: PostedValues; errors?: PageErrors } = {},
): string => {
  const errors = options.errors ?? noErrors;
  const values = options.values ?? {};
  return renderPage('survey/form.njk', {
    title: 'Give feedback',
    serviceName: survey.eventTitle,
    serviceUrl: `/events/${encodeURIComponent(survey.eventId)}`,
    closes: formatMomentForUk(new Date(survey.closesAt), survey.timezone),
    errors: errors.summary,
    eventTitle: survey.eventTitle,
    questionCount: `${survey.questions.length} question${survey.questions.length === 1 ? '' : 's'}`,
    someOptional: survey.questions.some((q) => !q.required),
    questions: survey.questions.map((q) => questionView(q, values, errors)),
    formToken,
    maxLength: MAX_TEXT_ANSWER,
    maxLengthText: `You can enter up to ${MAX_TEXT_ANSWER.toLocaleString('en-GB')} characters`,
  });
};

/** After the answers are kept (the page the post redirects to). */
export const surveyThanksPage = (eventTitle: string): string =>
  renderPage('survey/thanks.njk', {
    title: 'Thank you for your feedback',
    serviceName: eventTitle,
    eventTitle,
  });

/** The link opened again, or the form posted a second time: each delegate answers once. */
export const surveyAnsweredPage = (eventTitle: string): string =>
  renderPage('message.njk', {
    title: 'You have already answered this survey',
    serviceName: eventTitle,
    paragraphs: [
      `Thank you: the organisers of ${eventTitle} have your answers.`,
      'Each person can answer once, so your answers cannot be changed.',
      'You can close this page.',
    ],
  });

const messagePage = (status: number, title: string, paragraphs: readonly string[]): HttpResult =>
  html(status, renderPage('message.njk', { title, paragraphs }));

/**
 * What a survey link's refusals look like to a browser, in words: a link that is not valid (403), one
 * whose delegate's details were erased (404), a survey that has closed (410, which an expired link is too).
 * Anything else is the pages' usual refusal.
 */
export const surveyProblemPages: ProblemPages = (status, message) => {
  if (status === 403)
    return messagePage(403, 'This link does not work', [
      'Check that you opened the whole link from the email. If you copied it, make sure nothing was left out.',
    ]);
  if (status === 404)
    return messagePage(404, 'There is no survey for this link', [
      'The details this link was for have been removed, so there is nothing to answer.',
    ]);
  if (status === 410)
    return messagePage(410, 'This survey has closed', [
      'The survey is no longer taking answers. Thank you for your interest.',
      'You can close this page.',
    ]);
  return problemPages(status, message);
};
