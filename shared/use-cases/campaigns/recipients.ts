import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { AudienceCollector, type Audience, type Recipient } from '../../domain/campaigns/audience';

/** Everyone an audience reaches among an event's registrations as they stand, each address once. */
export const listRecipients = async (eventId: string, audience: Audience): Promise<Recipient[]> => {
  const collector = new AudienceCollector(audience);
  for await (const page of registrationRepository.ofEvent(eventId)) collector.add(page);
  return collector.recipients();
};
