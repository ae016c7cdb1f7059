import { RegistrationErased } from '../../../events';
import { publish } from '../../adapters/bus';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowIso } from '../../clock';
import { notFound } from '../../domain/errors';

/**
 * Erases a delegate's personal data (UK GDPR): the registration keeps its status, places and check-in
 * so counts stay right; the email claim goes. Bus events, queue messages and schedules never carry
 * personal data, so there is nothing to chase there. Erasing twice is the same as once.
 */
export const eraseRegistration = async (eventId: string, registrationId: string): Promise<void> => {
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId) throw notFound('The registration');
    if (!r.delegate) return;
    const holder = await registrationRepository.emailHolder(eventId, r.delegate.email);
    const at = nowIso();
    const outcome = await registrationRepository.erase(r, holder === registrationId, at);
    if (!outcome.ok) continue; // changed meanwhile: read again
    await publish(RegistrationErased, { registrationId, eventId, erasedAt: at });
    return;
  }
};
