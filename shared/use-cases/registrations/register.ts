import { RegistrationRequested } from '../../../events';
import { publish } from '../../adapters/bus';
import { askForPlaces } from '../../adapters/places-queue';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { retention } from '../../adapters/retention-settings';
import { nowIso, now } from '../../clock';
import { conflict, invalid, notFound } from '../../domain/errors';
import { claimAddress } from '../../domain/abuse/sign-up-rules';
import { expiriesAfter } from '../../domain/gdpr/retention';
import { newId } from '../../domain/ids';
import {
  bookingOpen,
  normaliseEmail,
  sessionChoiceProblems,
  type Delegate,
  type Registration,
} from '../../domain/registration';
import { claimDigest } from './address-claim';
import { alreadyRegistered } from './already-registered';

export interface RegistrationRequest extends Omit<Delegate, 'consent'> {
  readonly sessions?: readonly string[];
  readonly consent?: { readonly updates: boolean };
}

/** The registration an earlier post of the same form rendering made (a double click), if any. */
const madeByFormPost = async (eventId: string, formNonce: string | undefined) => {
  const earlier = formNonce && (await registrationRepository.madeByFormPost(eventId, formNonce));
  return earlier ? registrationRepository.find(earlier) : undefined;
};

/**
 * Checks a request against the event and stores it as pending with its email claimed for the event.
 * The same request again while still pending (a client retry) finds the pending registration, and a
 * second post of the same form rendering (`formNonce`, a double click) finds the registration the first
 * made, whatever its status by then.
 */
export const storePending = async (
  eventId: string,
  request: RegistrationRequest,
  bookedBy?: Registration['bookedBy'],
  formNonce?: string,
  client?: string,
): Promise<Registration> => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const posted = await madeByFormPost(eventId, formNonce);
  if (posted) return posted;
  const { conference } = found;
  if (!bookingOpen(conference, bookedBy, now())) {
    throw conflict('registration_closed', 'Registration for this event is not open.');
  }
  const chosen = request.sessions ?? [];
  const problems = sessionChoiceProblems(conference, chosen);
  if (problems.length > 0) throw invalid(problems);

  const email = normaliseEmail(request.email);
  // "Already registered" holds the untagged address (victim+7@ is victim@) unless the event says otherwise.
  const claim = claimAddress(email, conference);
  const digest = await claimDigest(claim);
  const holderId = await registrationRepository.emailHolder(eventId, digest);
  const holder = holderId ? await registrationRepository.find(holderId) : undefined;
  if (holder?.status === 'pending') return holder;
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
    ...(bookedBy ? { bookedBy } : {}),
    ...(claim === email ? {} : { claimedEmail: claim }),
    ...(client ? { client } : {}),
  };
  // Each item expires from the start (needs sooner); the retention stamper moves them with the event's end.
  const created = await registrationRepository.createPending(
    registration,
    digest,
    holderId,
    formNonce,
    expiriesAfter(conference.endsAt, retention()),
  );
  if (created.ok) return registration;
  const racing = created.failed.includes('form_posted') && (await madeByFormPost(eventId, formNonce));
  if (racing) return racing;
  throw alreadyRegistered();
};

/**
 * Accepts a delegate's registration and asks for places on the places queue, where the event's decisions
 * are made one at a time in the order asked (decide-places.ts): the answer comes after the ask, so a
 * registration accepted before another began is decided before it. The bus hears of the request too.
 */
export const requestRegistration = async (
  eventId: string,
  request: RegistrationRequest,
  formNonce?: string,
  /** The client it came from (use-cases/abuse/client-of.ts). */
  client?: string,
) => {
  const r = await storePending(eventId, request, undefined, formNonce, client);
  const requested = { registrationId: r.registrationId, eventId, requestedAt: r.requestedAt };
  await askForPlaces(RegistrationRequested, requested, { group: eventId, deduplicationId: r.registrationId });
  await publish(RegistrationRequested, requested);
  return { registrationId: r.registrationId, status: 'pending' as const };
};
