import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { DomainError } from '../../domain/errors';
import { eraseRegistration } from '../registrations/erase';

/**
 * Removes suspected fake sign-ups in one action: each is erased, which before the event also cancels it, so
 * its places go to the first waiting (who get the "a place has come up" mail). The removed get no mail: the
 * cancellation mail has no address left to go to, as the addresses are presumed fake.
 */
export const bulkRemove = async (eventId: string, registrationIds: readonly string[]) => {
  const removed: string[] = [];
  const notFound: string[] = [];
  for (const registrationId of new Set(registrationIds)) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId) {
      notFound.push(registrationId);
      continue;
    }
    try {
      await eraseRegistration(eventId, registrationId);
      removed.push(registrationId);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'not_found') throw error;
      notFound.push(registrationId);
    }
  }
  return { eventId, removed, notFound };
};
