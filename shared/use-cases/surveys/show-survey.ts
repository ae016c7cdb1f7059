import { openSurvey } from './survey-link';

/** What a delegate's link shows: the event's title and questions, when it closes, and whether it is answered. */
export const showSurvey = async (token: string) => {
  const { registration, conference, survey, closesAt } = await openSurvey(token);
  return {
    eventId: conference.eventId,
    eventTitle: conference.title,
    timezone: conference.timezone,
    questions: survey.questions,
    closesAt: closesAt.toISOString(),
    answered: registration.surveyRespondedAt !== undefined,
  };
};
