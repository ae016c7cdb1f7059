import { RegistrationErased } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { notFound } from '../../domain/errors';
import { erasureAnswer, type ErasureAnswer } from '../../domain/gdpr/erasure';
import { cappedSessions, erasureCancels, placesFreedBy } from '../../domain/registration';
import { heldClaimDigest } from './address-claim';
import { announceOutcome } from './announce';

/**
 * Erases a delegate's personal data (UK GDPR). Before the event ends the registration is cancelled in
 * the same step, so its places go to those waiting; afterwards (or once checked in) status, places and
 * check-in stay so the day's counts and the survey's figures stay right. Bus events, queue messages and
 * schedules never carry personal data, so there is nothing to chase there. Erasing twice is the same as once.
 * The answer says how the registration stands and whether the delegate answered the survey.
 */
export const eraseRegistration = async (eventId: string, registrationId: string): Promise<ErasureAnswer> => {
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId) throw notFound('The registration');
    if (!r.delegate) return erasureAnswer(r);
    const found = await conferenceRepository.find(eventId);
    const held = await heldClaimDigest(r);
    const holder = held && (await registrationRepository.emailHolder(eventId, held));
    const heldClaim = holder === registrationId ? held : undefined;
    const at = now();
    const cancels = found !== undefined && erasureCancels(found.conference, r, at);
    const capped = new Set(found ? cappedSessions(found.conference, r.sessionOrder) : []);
    const outcome = cancels
      ? await registrationRepository.cancelAndErase(r, capped, heldClaim, at.toISOString())
      : await registrationRepository.erase(r, heldClaim, at.toISOString());
    if (!outcome.ok) continue; // changed meanwhile: read again
    if (cancels) {
      const cancelled = await registrationRepository.find(registrationId);
      // The promoter hears this and fills the places; the cancellation mail has nobody to go to.
      if (cancelled) await announceOutcome(cancelled, placesFreedBy(r, capped));
    }
    await publish(RegistrationErased, { registrationId, eventId, erasedAt: at.toISOString() });
    return erasureAnswer(cancels ? { ...r, status: 'cancelled' } : r);
  }
};
