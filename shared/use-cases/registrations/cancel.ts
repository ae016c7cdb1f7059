import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowIso } from '../../clock';
import { cappedSessions, placesFreedBy } from '../../domain/registration';
import { heldClaimDigest } from './address-claim';
import { announceOutcome } from './announce';
import { allocatePlaces } from './allocate';
import { fillFreePlaces } from './promote';

/**
 * Cancels: gives back the places held and leaves the waiting lists joined, then fills the freed places
 * from the waiting lists in the same turn of the event's places queue.
 */
export const performCancellation = async (registrationId: string): Promise<void> => {
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.status === 'rejected') return;
    if (r.status === 'cancelled') {
      // A repeated request: announce again, and fill what a run that stopped short may have left free.
      await announceOutcome(r, { event: false, sessions: [] });
      await fillFreePlaces(r.eventId);
      return;
    }
    // Its own request waits in the outbox (SQS refused it): decide it now rather than hold the event's queue.
    if (r.status === 'pending') {
      await allocatePlaces(registrationId);
      continue;
    }
    const found = await conferenceRepository.find(r.eventId);
    const capped = new Set(found ? cappedSessions(found.conference, r.sessionOrder) : []);
    // The claim is on the address as claimed (plus tag stripped where the event ignores tags).
    const outcome = await registrationRepository.cancel(r, capped, nowIso(), await heldClaimDigest(r));
    if (!outcome.ok) continue; // changed meanwhile (a promotion): read again and cancel what it now holds
    const cancelled = await registrationRepository.find(registrationId);
    if (cancelled) await announceOutcome(cancelled, placesFreedBy(r, capped));
    await fillFreePlaces(r.eventId);
    return;
  }
};
