import { CancellationRequested } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { tokenKey } from '../../adapters/token-key';
import { now, nowIso } from '../../clock';
import { DomainError, conflict, notFound } from '../../domain/errors';
import { cappedSessions } from '../../domain/registration';
import { checkToken } from '../../domain/tokens';
import { announceOutcome } from './announce';

const forbidden = () =>
  new DomainError('forbidden', 'invalid_token', 'This link is not valid for this registration.');

/** Checks the manage token from the email link and asks for the cancellation on the bus. */
export const requestCancellation = async (registrationId: string, token: string) => {
  const check = checkToken(tokenKey, 'manage', token, now());
  if (!check.ok || check.subject !== registrationId) throw forbidden();
  const r = await registrationRepository.find(registrationId);
  if (!r) throw notFound('The registration');
  if (r.status === 'rejected') throw conflict('not_registered', 'This registration was not accepted.');
  if (r.status !== 'cancelled') {
    await publish(CancellationRequested, { registrationId, eventId: r.eventId });
  }
  return { registrationId, status: 'cancelled' as const };
};

export class NotDecidedYetError extends Error {
  constructor(registrationId: string) {
    super(`Registration ${registrationId} is still pending; the cancellation is retried`);
    this.name = 'NotDecidedYetError';
  }
}

/** Cancels: gives back the places held and leaves the waiting lists joined; the promoter fills them. */
export const performCancellation = async (registrationId: string): Promise<void> => {
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.status === 'rejected') return;
    if (r.status === 'cancelled') {
      await announceOutcome(r, { event: false, sessions: [] });
      return;
    }
    // Thrown, so the bus retries once the allocator has decided.
    if (r.status === 'pending') throw new NotDecidedYetError(registrationId);
    const found = await conferenceRepository.find(r.eventId);
    const capped = new Set(found ? cappedSessions(found.conference, r.sessionOrder) : []);
    const outcome = await registrationRepository.cancel(r, capped, nowIso());
    if (!outcome.ok) continue; // changed meanwhile (a promotion): read again and cancel what it now holds
    const freed = {
      event: r.status === 'confirmed',
      sessions:
        r.status === 'confirmed'
          ? r.sessionOrder.filter((id) => capped.has(id) && r.sessions[id] === 'confirmed')
          : [],
    };
    const cancelled = await registrationRepository.find(registrationId);
    if (cancelled) await announceOutcome(cancelled, freed);
    return;
  }
};
