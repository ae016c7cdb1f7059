import type { SessionChangeRequested } from '../../../events';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { fullSessionOf, registrationRepository } from '../../adapters/dynamo/registration-repository';
import { logger } from '../../adapters/observability';
import { nowIso } from '../../clock';
import {
  changesNothing,
  sessionChange,
  sessionChoiceProblems,
  sessionsAfterChange,
} from '../../domain/registration';
import { announceOutcome } from './announce';
import { allocatePlaces } from './allocate';
import { fillFreePlaces } from './promote';

const MAX_ATTEMPTS = 20;

/**
 * Replaces a registration's choices: dropped seats and waiting places given back, new choices seated
 * where a place is free and waiting where not, in one conditional transaction on the version read (a
 * concurrent promotion makes it read again). The new version is announced, which sends one mail with
 * the booking and invite; freed seats go to the first waiting.
 */
export const performSessionChange = async (request: SessionChangeRequested): Promise<void> => {
  const { registrationId, sessions: wanted, changeId } = request;
  const full = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    // Reads that keep going stale mean something is wrong with the stored state: fail to the DLQ.
    if (attempt > MAX_ATTEMPTS)
      throw new Error(`Session change ${changeId} of ${registrationId} kept going stale`);
    const r = await registrationRepository.find(registrationId);
    if (!r || r.status === 'cancelled' || r.status === 'rejected') return;
    // Its own request waits in the outbox (SQS refused it): decide it now rather than hold the event's queue.
    if (r.status === 'pending') {
      await allocatePlaces(registrationId);
      continue;
    }
    // Applied already (a duplicate delivery): announcing again heals a lost announcement, sends nothing twice.
    if (r.sessionChangeId === changeId) {
      await announceOutcome(r);
      return;
    }
    // The same choices again (a double click without JavaScript): nothing to change, and no second mail.
    if (changesNothing(r, wanted)) {
      logger.info('Session change changes nothing; not applied', { registrationId, changeId });
      return;
    }
    const found = await conferenceRepository.find(r.eventId);
    if (!found || sessionChoiceProblems(found.conference, wanted).length > 0) {
      logger.warn('Session change no longer fits the event; not applied', { registrationId, changeId });
      return;
    }
    const change = sessionChange(found.conference, r, wanted);
    const claim = change.claim.filter((id) => !full.has(id));
    const outcome = await registrationRepository.changeSessions(r, {
      ...change,
      claim,
      wait: change.claim.filter((id) => full.has(id)),
      next: sessionsAfterChange(r, wanted, full, nowIso()),
      changeId,
    });
    if (!outcome.ok) {
      // A full session is waited for on the next try; a stale read is read again.
      for (const id of outcome.failed.map(fullSessionOf)) if (id) full.add(id);
      continue;
    }
    const changed = await registrationRepository.find(registrationId);
    if (changed) await announceOutcome(changed);
    if (change.free.length > 0 || change.leave.length > 0) await fillFreePlaces(r.eventId);
    return;
  }
};
