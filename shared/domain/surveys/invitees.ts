import {
  AudienceCollector,
  type Audience,
  type AudienceCandidate,
  type Recipient,
} from '../campaigns/audience';
import type { SurveyStep } from './plan';

/**
 * Who a survey mail goes to (API.md): the delegates checked in; where the event recorded no check-ins,
 * every confirmed delegate. The reminder goes to those of them who have not answered. Each address
 * once, erased registrations never.
 */
export const surveyAudience = (step: SurveyStep, anyCheckedIn: boolean): Audience => ({
  status: anyCheckedIn ? ['attended'] : ['confirmed'],
  ...(step === 'reminder' ? { surveyResponded: false } : {}),
});

/** The recipients of a survey mail among all of an event's registrations. */
export const surveyRecipients = (
  registrations: readonly AudienceCandidate[],
  step: SurveyStep,
): Recipient[] => {
  const collector = new AudienceCollector(
    surveyAudience(
      step,
      registrations.some((r) => r.attendedAt !== undefined),
    ),
  );
  collector.add(registrations);
  return collector.recipients();
};
