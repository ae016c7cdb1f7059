import { RegistrationErased } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { notFound } from '../../domain/errors';
import { erasureAnswer, type ErasureAnswer } from '../../domain/gdpr/erasure';
import { erasureCancels } from '../../domain/registration';
import { heldClaimDigest } from './address-claim';
import { askCancellation } from './ask-cancellation';

/**
 * Erases a delegate's personal data (UK GDPR) at once. Before the event ends the registration is also
 * cancelled, so its places go to those waiting: asked of the places queue, where the event's seats are
 * decided one at a time, like any cancellation. Afterwards (or once checked in) status, places and
 * check-in stay so the day's counts and the survey's figures stay right. Bus events, queue messages and
 * schedules never carry personal data, so there is nothing to chase there. Erasing twice is the same as once.
 * The answer says how the registration stands and whether the delegate answered the survey.
 */
export const eraseRegistration = async (eventId: string, registrationId: string): Promise<ErasureAnswer> => {
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId) throw notFound('The registration');
    const found = await conferenceRepository.find(eventId);
    const at = now();
    const cancels = found !== undefined && erasureCancels(found.conference, r, at);
    if (r.delegate) {
      const held = await heldClaimDigest(r);
      const holder = held && (await registrationRepository.emailHolder(eventId, held));
      const heldClaim = holder === registrationId ? held : undefined;
      const outcome = await registrationRepository.erase(r, heldClaim, at.toISOString());
      if (!outcome.ok) continue; // changed meanwhile: read again
      await publish(RegistrationErased, { registrationId, eventId, erasedAt: at.toISOString() });
    }
    // Asked again by a second erasure while not yet cancelled (the first ask failed, or waits its turn):
    // the canceller cancels once, gives the places back and announces it, with no mail to send.
    if (cancels) await askCancellation(r);
    return erasureAnswer(cancels ? { ...r, status: 'cancelled' } : r);
  }
};
