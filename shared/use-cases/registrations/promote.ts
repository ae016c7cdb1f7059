import { PlacePromoted } from '../../../events';
import { publish } from '../../adapters/bus';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import {
  EVENT_SCOPE,
  registrationRepository,
  sessionScope,
} from '../../adapters/dynamo/registration-repository';
import { nowIso } from '../../clock';
import { cappedSessions, type Registration, type SessionPlace } from '../../domain/registration';

const announcePromotion = async (registrationId: string, scope: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r) return;
  await publish(PlacePromoted, {
    registrationId,
    eventId: r.eventId,
    version: r.version,
    scope,
    sessions: { ...r.sessions },
  });
};

/**
 * Fills free places from the waiting lists, oldest first: the event's, then each capped session's.
 * Runs until no place is free or nobody waits, so concurrent runs and redeliveries are harmless: each
 * promotion is one conditional transaction that only one run can win.
 */
export const fillFreePlaces = async (eventId: string): Promise<number> => {
  const found = await conferenceRepository.find(eventId);
  if (!found) return 0;
  const { conference } = found;
  let promoted = 0;
  // A waiting-list entry whose registration is not waiting any more would loop for ever: stop loudly.
  const stale = new Set<string>();
  const skipStale = (id: string): void => {
    if (stale.has(id)) throw new Error(`Waiting list of ${eventId} holds ${id}, which is not waiting`);
    stale.add(id);
  };

  for (;;) {
    const waiting = await registrationRepository.firstWaiting(eventId, EVENT_SCOPE);
    const r = waiting ? await registrationRepository.find(waiting) : undefined;
    if (!r) break;
    const capped = new Set(cappedSessions(conference, r.sessionOrder));
    const sessions: Record<string, SessionPlace> = {};
    for (const id of r.sessionOrder) sessions[id] = capped.has(id) ? 'requested' : 'confirmed';
    const outcome = await registrationRepository.promoteToEvent(r, sessions, nowIso());
    if (!outcome.ok && outcome.failed.includes('full')) break;
    if (!outcome.ok) {
      skipStale(r.registrationId);
      continue;
    }
    const confirmed = { ...r, status: 'confirmed' } as Registration;
    for (const id of r.sessionOrder.filter((s) => capped.has(s))) {
      await registrationRepository.placeInSession(confirmed, id);
    }
    promoted += 1;
    await announcePromotion(r.registrationId, 'event');
  }

  for (const session of conference.sessions.filter((s) => s.capacity !== undefined)) {
    for (;;) {
      const waiting = await registrationRepository.firstWaiting(eventId, sessionScope(session.id));
      const r = waiting ? await registrationRepository.find(waiting) : undefined;
      if (!r) break;
      const outcome = await registrationRepository.promoteInSession(r, session.id);
      if (!outcome.ok && outcome.failed.includes('full')) break;
      if (!outcome.ok) {
        skipStale(`${r.registrationId}/${session.id}`);
        continue;
      }
      promoted += 1;
      await announcePromotion(r.registrationId, session.id);
    }
  }
  return promoted;
};
