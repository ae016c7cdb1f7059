import * as z from '../zod';
import { surveyQuestion } from './event-schemas';

/** Up to 50 questions with text answers of up to 2,000 characters each, in any script: 128 KB. */
export const SURVEY_ANSWERS_MAX_BYTES = 128 * 1024;

/** `/surveys/{token}`: the token is checked by the use case (403 forged, 410 expired), not here. */
export const surveyPath = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1024)) });

/**
 * A delegate's answers by question id: a whole number for rating (1-5) and nps (0-10), the option's text
 * for choice, words for text. Which ids and values fit is checked against the survey's questions.
 */
export const surveyAnswersRequest = z
  .strictObject({
    answers: z.record(
      z.string().check(z.minLength(1), z.maxLength(40)),
      z.union([z.number().check(z.int()), z.string().check(z.maxLength(4_000))]),
    ),
  })
  .check(z.meta({ id: 'SurveyAnswersRequest' }));

export const surveyView = z
  .object({
    eventId: z.string(),
    eventTitle: z.string(),
    timezone: z
      .string()
      .check(z.describe("The event's IANA time zone, in which closesAt is shown to delegates")),
    questions: z.array(surveyQuestion),
    closesAt: z.iso.datetime().check(z.describe('After this the link answers 410')),
    answered: z.boolean().check(z.describe('True once this delegate has answered')),
  })
  .check(z.meta({ id: 'Survey' }));

export const surveyAnswered = z
  .object({ status: z.literal('answered') })
  .check(z.meta({ id: 'SurveyAnswered' }));

const questionResult = z.object({
  id: z.string(),
  kind: z.enum(['rating', 'nps', 'choice', 'text']),
  prompt: z.string(),
  responses: z.number().check(z.int(), z.describe('Responses that answered this question')),
  withheld: z
    .boolean()
    .check(
      z.describe('True when this breakdown is left out: fewer than minimumResponses answered the question'),
    ),
  mean: z.optional(z.nullable(z.number())).check(z.describe('rating and nps')),
  distribution: z
    .optional(z.record(z.string(), z.number().check(z.int())))
    .check(z.describe('rating and nps: count per score; choice: count per option')),
  nps: z.optional(
    z.nullable(
      z.object({
        score: z.number().check(z.int(), z.describe('% promoters (9-10) minus % detractors (0-6)')),
        promoters: z.number().check(z.int()),
        passives: z.number().check(z.int()),
        detractors: z.number().check(z.int()),
      }),
    ),
  ),
  answers: z.optional(z.array(z.string())).check(z.describe('text: the answers, in no particular order')),
});

export const surveyResultsView = z
  .object({
    eventId: z.string(),
    closesAt: z.optional(z.iso.datetime()),
    invited: z.number().check(z.int(), z.describe('Invitations sent or on their way (not those suppressed)')),
    responded: z.number().check(z.int()),
    responseRate: z
      .nullable(z.number())
      .check(z.describe('responded / invited, 0-1; null before any invitation')),
    withheld: z
      .boolean()
      .check(
        z.describe('True while fewer than minimumResponses answered: per-question breakdowns are left out'),
      ),
    minimumResponses: z.number().check(z.int()),
    note: z.optional(z.string()).check(z.describe('Why breakdowns are withheld, when they are')),
    questions: z.array(questionResult),
  })
  .check(z.meta({ id: 'SurveyResults' }));
