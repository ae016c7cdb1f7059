import * as z from '../shared/zod';
import { defineEvent, type EventContract } from './contract';
import { Sources } from './sources';

/**
 * One of an event's survey mails is due (the invitation, or the reminder to those who have not
 * answered): put on the bus by its one-time schedule. Ids and the instant only; `dueAt` tells a step
 * that still stands from one moved since.
 */
export const SurveyDue = defineEvent(
  Sources.surveys,
  'Survey Due',
  z.object({
    eventId: z.string().check(z.minLength(1)),
    step: z.enum(['invitation', 'reminder']),
    dueAt: z.iso.datetime(),
  }),
  'survey-due.json',
);
export type SurveyDue = z.infer<typeof SurveyDue.schema>;

/**
 * A delegate answered the event's survey. Says who completed it (for chasing the others), never what
 * they answered: answers are stored apart, without the registration.
 */
export const SurveyAnswered = defineEvent(
  Sources.surveys,
  'Survey Answered',
  z.object({
    eventId: z.string().check(z.minLength(1)),
    registrationId: z.string().check(z.minLength(1)),
    answeredAt: z.iso.datetime(),
  }),
  'survey-answered.json',
);
export type SurveyAnswered = z.infer<typeof SurveyAnswered.schema>;

/** The survey area's bus events; each one is also exported by name from here. */
export const surveyContracts: readonly EventContract[] = [SurveyDue, SurveyAnswered];
