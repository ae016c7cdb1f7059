import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { waitingList } from '../../adapters/dynamo/waiting-list';
import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import { notFound } from '../../domain/errors';
import { checkInCode } from '../../domain/tokens';
import { loadConference } from '../load-conference';
import { organiserView } from './export';
import { dayOf } from './show-booking';

/**
 * One registration of an event as its organisers see it: the delegate's details (as the export lists
 * them), the registration, its event and seats, the delegate's day with waiting-list places, and the
 * check-in code while they hold a place. 404 for a registration of another event.
 */
export const showRegistrationForOrganiser = async (eventId: string, registrationId: string) => {
  const registration = await registrationRepository.findWithNeeds(registrationId);
  if (!registration || registration.eventId !== eventId) throw notFound('The registration');
  const { conference, seats } = await loadConference(eventId);
  const titles = new Map(conference.sessions.map((s) => [s.id, s.title]));
  return {
    listed: organiserView(registration, titles, true),
    registration,
    conference,
    seats,
    day: await dayOf(conference, registration),
    ...(registration.status === 'waitlisted'
      ? { eventWaitingPosition: await waitingList.positionForEvent(registration) }
      : {}),
    ...(registration.status === 'confirmed' ? { checkInCode: checkInCode(tokenKey, registrationId) } : {}),
    changesOpen: conference.status === 'published' && now() < new Date(conference.endsAt),
  };
};

export type OrganiserRegistrationDetail = Awaited<ReturnType<typeof showRegistrationForOrganiser>>;
