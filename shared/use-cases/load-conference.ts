import { conferenceRepository } from '../adapters/dynamo/conference-repository';
import { notFound } from '../domain/errors';

/** The event and its seat counts, or a 404 for the caller. */
export const loadConference = async (eventId: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  return found;
};
