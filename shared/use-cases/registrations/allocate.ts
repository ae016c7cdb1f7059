import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { logger } from '../../adapters/observability';
import { now, nowIso } from '../../clock';
import { seatCounters } from '../../adapters/dynamo/seat-counters';
import { bookingOpen, cappedSessions, freePlaces, type SessionPlace } from '../../domain/registration';
import { heldClaimDigest } from './address-claim';
import { announceOutcome } from './announce';

/**
 * Decides a pending registration's places: the event place and a place in each chosen capped session,
 * waiting lists where full. It reads the seat counters first and writes the decision in one conditional
 * transaction: run by the places queue one at a time per event, nothing else takes a seat meanwhile, so
 * the conditions hold; they still guard the seats, and a failed one is tried again without that place (an
 * organiser's booking, decided outside the queue, may take a seat between the read and the write). A
 * duplicate delivery finds the registration decided, changes nothing and only announces the decision
 * again. `overbook` (an organiser's booking) takes every place that is full beyond capacity instead of waiting.
 */
export const allocatePlaces = async (
  registrationId: string,
  { overbook = false }: { overbook?: boolean } = {},
): Promise<void> => {
  const r = await registrationRepository.find(registrationId);
  if (!r) {
    logger.warn('Registration to allocate not found', { registrationId });
    return;
  }
  if (r.status !== 'pending') {
    await announceOutcome(r);
    return;
  }
  const found = await conferenceRepository.find(r.eventId);
  const at = nowIso();
  if (!found || !bookingOpen(found.conference, r.bookedBy, now())) {
    await registrationRepository.reject(
      r,
      found ? 'registration_closed' : 'event_not_found',
      await heldClaimDigest(r),
    );
    await announceAsStored(registrationId);
    return;
  }
  const capped = new Set(cappedSessions(found.conference, r.sessionOrder));
  const free = freePlaces(
    await seatCounters(r.eventId),
    r.sessionOrder.filter((id) => capped.has(id)),
  );
  if (!free.event && !overbook) {
    await registrationRepository.waitlist(r, at);
    await announceAsStored(registrationId);
    return;
  }
  let claim = overbook ? r.sessionOrder.filter((id) => capped.has(id)) : [...free.sessions];
  const wait: string[] = r.sessionOrder.filter((id) => capped.has(id) && !claim.includes(id));
  for (;;) {
    const sessions: Record<string, SessionPlace> = {};
    for (const id of r.sessionOrder) sessions[id] = wait.includes(id) ? 'waitlisted' : 'confirmed';
    const outcome = await registrationRepository.confirm(r, claim, wait, sessions, at);
    if (outcome.ok || outcome.failed.includes('stale')) break;
    if (overbook) {
      await registrationRepository.confirmOverbooked(r, [...capped], sessions, at);
      break;
    }
    if (outcome.failed.includes('event_full')) {
      await registrationRepository.waitlist(r, at);
      break;
    }
    const full = outcome.failed.map((f) => f.replace(/^session_full:/, ''));
    claim = claim.filter((id) => !full.includes(id));
    wait.push(...full);
  }
  await announceAsStored(registrationId);
};

const announceAsStored = async (registrationId: string): Promise<void> => {
  const decided = await registrationRepository.find(registrationId);
  if (decided) await announceOutcome(decided);
};
