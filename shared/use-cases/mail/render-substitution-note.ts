import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import type { RegistrationMailSpec } from '../../domain/mail/send-request';
import type { OutgoingMail } from '../../mail/mime';
import { renderSubstitutionNote } from '../../mail/substitution-message';
import { contactOf, replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';

/**
 * The note to the delegate who passed their place on, addressed from what the registration kept of
 * them for the change `spec.version`. Undefined once erased (nothing kept, nobody to tell).
 */
export const renderSubstitutionMail = async (
  spec: RegistrationMailSpec,
  messageKey: string,
): Promise<OutgoingMail | undefined> => {
  const r = await registrationRepository.find(spec.registrationId);
  const former = r?.formerDelegates?.find((d) => d.version === spec.version);
  if (!r || !former) return undefined;
  const found = await conferenceRepository.find(r.eventId);
  if (!found) return undefined;
  const { conference } = found;
  const rendered = renderSubstitutionNote({
    name: former.name,
    eventTitle: conference.title,
    organiser: contactOf(conference),
  });
  return outgoingTo(former, { ...rendered, ...replyToOf(conference) }, messageKey);
};
