import { SurveyAnswered } from '../../../events';
import { publish } from '../../adapters/bus';
import { logger } from '../../adapters/observability';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { surveyRepository } from '../../adapters/dynamo/survey-repository';
import { nowIso } from '../../clock';
import { conflict, DomainError } from '../../domain/errors';
import { checkAnswers } from '../../domain/surveys/answers';
import { openSurvey } from './survey-link';

const alreadyAnswered = () =>
  conflict('already_answered', 'This survey has been answered already; thank you.');

/**
 * Keeps a delegate's answers once: checked against the questions (400 with every problem), a second
 * submission 409 `already_answered`. The answers are stored without the registration; the registration
 * only learns that it answered. Nothing is written for a refused submission.
 */
export const answerSurvey = async (token: string, given: Readonly<Record<string, unknown>>) => {
  const { registration, survey } = await openSurvey(token);
  if (registration.surveyRespondedAt !== undefined) throw alreadyAnswered();
  const answers = checkAnswers(survey.questions, given);
  const at = nowIso();
  const outcome = await surveyRepository.submit(
    registration.eventId,
    registration.registrationId,
    answers,
    at,
  );
  if (!outcome.ok) {
    const current = await registrationRepository.find(registration.registrationId);
    if (current?.surveyRespondedAt !== undefined) throw alreadyAnswered();
    throw new DomainError('not_found', 'not_found', 'There is no survey for this link any more.');
  }
  // The answer is kept: a bus that fails now must not turn it into a 500 that a retry would see as 409.
  // Nothing acts on this event yet (the archive records it), so it is announced on a best-effort basis.
  try {
    await publish(SurveyAnswered, {
      eventId: registration.eventId,
      registrationId: registration.registrationId,
      answeredAt: at,
    });
  } catch (error) {
    logger.error('Survey Answered not announced; the answer is kept', {
      error,
      eventId: registration.eventId,
    });
  }
  return { status: 'answered' as const };
};
