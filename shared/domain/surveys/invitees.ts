import { AudienceCollector, type AudienceCandidate, type Recipient } from '../campaigns/audience';

/**
 * Who the invitation goes to (API.md): the delegates checked in; where the event recorded no check-ins,
 * every confirmed delegate. Each address once, erased registrations never.
 */
export const invitationRecipients = (registrations: readonly AudienceCandidate[]): Recipient[] => {
  const anyCheckedIn = registrations.some((r) => r.attendedAt !== undefined);
  const collector = new AudienceCollector({ status: anyCheckedIn ? ['attended'] : ['confirmed'] });
  collector.add(registrations);
  return collector.recipients();
};

/**
 * Who the reminder goes to: those the invitation went to (`invited`, registration ids), as long as they
 * have not answered and were not erased since. Taken from the invitation, not worked out again, so a
 * check-in recorded after the invitation never brings a reminder of an invitation that never came.
 */
export const reminderRecipients = (
  registrations: readonly AudienceCandidate[],
  invited: ReadonlySet<string>,
): Recipient[] =>
  registrations
    .filter((r) => invited.has(r.registrationId) && r.delegate && r.surveyRespondedAt === undefined)
    .map((r) => ({ registrationId: r.registrationId, name: r.delegate?.name ?? '' }));
