import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { tokenKey } from '../../adapters/token-key';
import { EnvNames, requireEnv } from '../../config/env';
import { now } from '../../clock';
import type { Conference, SurveyPlan } from '../../domain/conference';
import { DomainError } from '../../domain/errors';
import type { Registration } from '../../domain/registration';
import { openSurveyClosesAt } from '../../domain/surveys/plan';
import { checkToken, signToken } from '../../domain/tokens';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/**
 * A survey token outlives the survey's close by this long. The close itself is read from the event on
 * every request (so an organiser may lengthen it); the expiry only bounds how long a leaked link means
 * anything at all.
 */
const TOKEN_DAYS_AFTER_CLOSE = 90;

/** `{PUBLIC_URL}/surveys/{token}`: signed for the purpose `survey`, the registration as subject. */
export const surveyUrl = (registrationId: string, closesAt: Date): string => {
  const expires = new Date(closesAt.getTime() + TOKEN_DAYS_AFTER_CLOSE * 86_400_000);
  return `${publicUrl}/surveys/${signToken(tokenKey, 'survey', registrationId, expires)}`;
};

const invalidLink = () => new DomainError('forbidden', 'invalid_token', 'This survey link is not valid.');
const closed = () => new DomainError('gone', 'survey_closed', 'This survey has closed.');

/** The survey a delegate's link opens, as it stands now. */
export interface OpenSurvey {
  readonly registration: Registration;
  readonly conference: Conference;
  readonly survey: SurveyPlan;
  readonly closesAt: Date;
}

/**
 * Reads a survey link: 403 where the token is malformed, forged or signed for another purpose; 410 where
 * it expired or the survey has closed (past its close, removed from the event, or the event cancelled);
 * 404 where the delegate's data was erased.
 */
export const openSurvey = async (token: string): Promise<OpenSurvey> => {
  const check = checkToken(tokenKey, 'survey', token, now());
  if (!check.ok) throw check.reason === 'expired' ? closed() : invalidLink();
  const registration = await registrationRepository.find(check.subject);
  if (!registration?.delegate) {
    throw new DomainError('not_found', 'not_found', 'There is no survey for this link any more.');
  }
  const conference = (await conferenceRepository.find(registration.eventId))?.conference;
  const closesAt = conference && openSurveyClosesAt(conference, now());
  if (!conference?.survey || !closesAt) throw closed();
  return { registration, conference, survey: conference.survey, closesAt };
};
