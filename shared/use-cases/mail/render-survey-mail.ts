import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { mailCategory } from '../../domain/mail/send-request';
import { openSurveyClosesAt } from '../../domain/surveys/plan';
import { renderSurveyMessage } from '../../mail/survey-message';
import { unsubscribeUrl } from '../delivery/unsubscribe-link';
import { surveyUrl } from '../surveys/survey-link';
import { contactOf, replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';
import type { Renderer } from './renderers';

/**
 * Renders one delegate's survey invitation or reminder at send time, with their own survey link (and,
 * on the reminder, which honours unsubscribes, the unsubscribe link and headers). Undefined when it should no longer go: the delegate was erased or has answered, the
 * event was cancelled, or its survey was removed or has closed.
 */
export const renderSurveyMail: Renderer<'survey'> = async (spec, messageKey) => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!r?.delegate || r.eventId !== spec.eventId || r.surveyRespondedAt !== undefined) return undefined;
  const conference = (await conferenceRepository.find(spec.eventId))?.conference;
  const closesAt = conference && openSurveyClosesAt(conference, now());
  if (!conference?.survey || !closesAt) return undefined;
  const unsubscribe = mailCategory(spec) === 'campaign' ? unsubscribeUrl(r.registrationId) : undefined;
  const rendered = renderSurveyMessage(
    {
      step: spec.step,
      delegate: { name: r.delegate.name },
      event: { title: conference.title, timezone: conference.timezone, startsAt: conference.startsAt },
      questionCount: conference.survey.questions.length,
      closesAt,
      surveyUrl: surveyUrl(r.registrationId, closesAt),
      ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
    },
    contactOf(conference),
  );
  return outgoingTo(r.delegate, { ...rendered, ...replyToOf(conference) }, messageKey, unsubscribe);
};
