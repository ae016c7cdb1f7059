import * as z from 'zod';
import { surveyQuestion } from './event-schemas';

/** Up to 50 questions with text answers of up to 2,000 characters each, in any script: 128 KB. */
export const SURVEY_ANSWERS_MAX_BYTES = 128 * 1024;

/** `/surveys/{token}`: the token is checked by the use case (403 forged, 410 expired), not here. */
export const surveyPath = z.strictObject({ token: z.string().min(1).max(1024) });

/**
 * A delegate's answers by question id: a whole number for rating (1-5) and nps (0-10), the option's text
 * for choice, words for text. Which ids and values fit is checked against the survey's questions.
 */
export const surveyAnswersRequest = z
  .strictObject({
    answers: z.record(z.string().min(1).max(40), z.union([z.number().int(), z.string().max(4_000)])),
  })
  .meta({ id: 'SurveyAnswersRequest' });

export const surveyView = z
  .object({
    eventId: z.string(),
    eventTitle: z.string(),
    timezone: z.string().describe("The event's IANA time zone, in which closesAt is shown to delegates"),
    questions: z.array(surveyQuestion),
    closesAt: z.iso.datetime().describe('After this the link answers 410'),
    answered: z.boolean().describe('True once this delegate has answered'),
  })
  .meta({ id: 'Survey' });

export const surveyAnswered = z.object({ status: z.literal('answered') }).meta({ id: 'SurveyAnswered' });

const questionResult = z.object({
  id: z.string(),
  kind: z.enum(['rating', 'nps', 'choice', 'text']),
  prompt: z.string(),
  responses: z.number().int().describe('Responses that answered this question'),
  withheld: z
    .boolean()
    .describe('True when this breakdown is left out: fewer than minimumResponses answered the question'),
  mean: z.number().nullable().optional().describe('rating and nps'),
  distribution: z
    .record(z.string(), z.number().int())
    .optional()
    .describe('rating and nps: count per score; choice: count per option'),
  nps: z
    .object({
      score: z.number().int().describe('% promoters (9-10) minus % detractors (0-6)'),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    })
    .nullable()
    .optional(),
  answers: z.array(z.string()).optional().describe('text: the answers, in no particular order'),
});

export const surveyResultsView = z
  .object({
    eventId: z.string(),
    closesAt: z.iso.datetime().optional(),
    invited: z.number().int().describe('Invitations sent or on their way (not those suppressed)'),
    responded: z.number().int(),
    responseRate: z.number().nullable().describe('responded / invited, 0-1; null before any invitation'),
    withheld: z
      .boolean()
      .describe('True while fewer than minimumResponses answered: per-question breakdowns are left out'),
    minimumResponses: z.number().int(),
    note: z.string().optional().describe('Why breakdowns are withheld, when they are'),
    questions: z.array(questionResult),
  })
  .meta({ id: 'SurveyResults' });
