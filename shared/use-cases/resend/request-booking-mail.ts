import { BookingMailRequested } from '../../../events';
import { addressDigest } from '../../adapters/address-digest';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { nowIso } from '../../clock';
import { claimAddress } from '../../domain/abuse/sign-up-rules';
import { notFound } from '../../domain/errors';
import { normaliseEmail } from '../../domain/registration';

/**
 * Asks for an address's booking mail to be sent again. Whether the address is registered is decided on
 * the bus, never here, so the answer (and its timing) is the same either way and reveals nothing.
 */
export const requestBookingMail = async (eventId: string, email: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found || found.conference.status === 'draft') throw notFound('The event');
  await publish(BookingMailRequested, {
    eventId,
    // The address as the event's claims hold it: jo+x@ registered is found by jo+x@ or jo@ (one inbox).
    addressDigest: await addressDigest(claimAddress(normaliseEmail(email), found.conference)),
    requestedAt: nowIso(),
  });
  return {
    status: 'requested' as const,
    message: 'If that address is registered for this event, its booking mail is on its way.',
  };
};
