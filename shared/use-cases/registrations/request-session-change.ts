import { randomUUID } from 'node:crypto';
import { SessionChangeRequested } from '../../../events';
import { askForPlaces } from '../../adapters/places-queue';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { conflict, invalid, notFound } from '../../domain/errors';
import { sessionChoiceProblems } from '../../domain/registration';

/**
 * Checks a new choice of sessions against the event as at registration (known, once each, no clashes)
 * and asks for the change on the places queue; seats are decided there with the event's other decisions.
 */
export const requestSessionChange = async (
  registrationId: string,
  sessions: readonly string[],
  eventId?: string,
) => {
  const r = await registrationRepository.find(registrationId);
  if (!r || (eventId !== undefined && r.eventId !== eventId)) throw notFound('The registration');
  if (r.status === 'cancelled' || r.status === 'rejected') {
    throw conflict('not_registered', `This registration is ${r.status}; its sessions cannot change.`);
  }
  const found = await conferenceRepository.find(r.eventId);
  if (!found) throw notFound('The event');
  if (found.conference.status !== 'published' || now() >= new Date(found.conference.endsAt)) {
    throw conflict('changes_closed', 'Sessions can only change while the event is published and not over.');
  }
  const problems = sessionChoiceProblems(found.conference, sessions);
  if (problems.length > 0) throw invalid(problems);
  const changeId = randomUUID();
  await askForPlaces(
    SessionChangeRequested,
    { registrationId, eventId: r.eventId, sessions: [...sessions], changeId },
    { group: r.eventId, deduplicationId: `sessions:${changeId}` },
  );
  return { registrationId, sessions: [...sessions], status: 'accepted' as const };
};

/** An organiser's change for a delegate of their event. */
export const changeSessionsForDelegate = (
  eventId: string,
  registrationId: string,
  sessions: readonly string[],
) => requestSessionChange(registrationId, sessions, eventId);
