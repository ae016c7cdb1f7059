import { RegistrationRequested } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowIso, now } from '../../clock';
import { conflict, invalid, notFound } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  normaliseEmail,
  registrationOpen,
  sessionChoiceProblems,
  type Delegate,
  type Registration,
} from '../../domain/registration';

export interface RegistrationRequest extends Omit<Delegate, 'consent'> {
  readonly sessions?: readonly string[];
  readonly consent?: { readonly updates: boolean };
}

const alreadyRegistered = () =>
  conflict('already_registered', 'This email address is already registered for this event.');

/**
 * Accepts a registration: checks it against the event, stores it as pending with its email claimed
 * for the event, and asks for places on the bus. Places are decided by the allocator, one at a time.
 */
export const requestRegistration = async (eventId: string, request: RegistrationRequest) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const { conference } = found;
  if (!registrationOpen(conference, now())) {
    throw conflict('registration_closed', 'Registration for this event is not open.');
  }
  const chosen = request.sessions ?? [];
  const problems = sessionChoiceProblems(conference, chosen);
  if (problems.length > 0) throw invalid(problems);

  const email = normaliseEmail(request.email);
  const holderId = await registrationRepository.emailHolder(eventId, email);
  const holder = holderId ? await registrationRepository.find(holderId) : undefined;
  if (holder?.status === 'pending') {
    // The same request again (a client retry): ask for its places again rather than refuse it.
    await publish(RegistrationRequested, {
      registrationId: holder.registrationId,
      eventId,
      requestedAt: holder.requestedAt,
    });
    return { registrationId: holder.registrationId, status: 'pending' as const };
  }
  if (holder?.status === 'confirmed' || holder?.status === 'waitlisted') throw alreadyRegistered();

  const { sessions: _chosen, consent, ...delegate } = request;
  const registration: Registration = {
    registrationId: newId('reg'),
    eventId,
    status: 'pending',
    delegate: { ...delegate, email, consent: { updates: consent?.updates ?? false } },
    sessions: {},
    sessionOrder: chosen,
    requestedAt: nowIso(),
    version: 1,
  };
  const created = await registrationRepository.createPending(registration, email, holderId);
  if (!created.ok) throw alreadyRegistered();
  await publish(RegistrationRequested, {
    registrationId: registration.registrationId,
    eventId,
    requestedAt: registration.requestedAt,
  });
  return { registrationId: registration.registrationId, status: 'pending' as const };
};
