import { recipientsReached } from '../../adapters/dynamo/ledger-reach';
import { surveyRepository } from '../../adapters/dynamo/survey-repository';
import { DomainError } from '../../domain/errors';
import { surveyMessageKey } from '../../domain/mail/send-request';
import { surveyClosesAt } from '../../domain/surveys/plan';
import { surveyResponsesCsv, surveyResults } from '../../domain/surveys/results';
import { loadConference } from '../load-conference';

const noSurvey = () => new DomainError('not_found', 'no_survey', 'This event has no survey.');

/**
 * The event's survey results for organisers: invited (invitations recorded and not suppressed), the
 * responses aggregated by question, breakdowns withheld below the small-group minimum.
 */
export const readSurveyResults = async (eventId: string) => {
  const { conference } = await loadConference(eventId);
  if (!conference.survey) throw noSurvey();
  const [responses, reached] = await Promise.all([
    surveyRepository.responses(eventId),
    recipientsReached(surveyMessageKey(eventId, 'invitation')),
  ]);
  return {
    eventId,
    closesAt: surveyClosesAt(conference)?.toISOString(),
    ...surveyResults(conference.survey.questions, responses, reached.length),
  };
};

/** The responses as CSV, one row per response, no personal data (header only below the minimum). */
export const exportSurveyResponses = async (eventId: string): Promise<string> => {
  const { conference } = await loadConference(eventId);
  if (!conference.survey) throw noSurvey();
  return surveyResponsesCsv(conference.survey.questions, await surveyRepository.responses(eventId));
};
