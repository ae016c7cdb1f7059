import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { retention } from '../../adapters/retention-settings';
import { expiryAfter } from '../../domain/gdpr/retention';

/**
 * When an event's personal data expires (the TTL value, `DATA_RETENTION_DAYS` after it ends), for an item
 * written about one of its delegates (a mail in the ledger); undefined for an event that is gone.
 */
export const dataExpiryOf = async (eventId: string): Promise<number | undefined> => {
  const found = await conferenceRepository.find(eventId);
  return found ? expiryAfter(found.conference.endsAt, retention().days) : undefined;
};
