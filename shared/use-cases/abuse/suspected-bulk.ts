import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { suspectedBulkGroups } from '../../domain/abuse/bulk-sign-ups';
import { notFound } from '../../domain/errors';
import type { Registration } from '../../domain/registration';

/** An event's suspected bulk sign-ups (shared/domain/abuse/bulk-sign-ups.ts), with each registration as listed. */
export const suspectedBulkSignUps = async (eventId: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const signUps: (Registration & { client: string; at: string })[] = [];
  for await (const page of registrationRepository.ofEvent(eventId)) {
    for (const r of page) {
      // Only live, public registrations with a client: an erased one is already dealt with.
      if (r.client && r.delegate && r.status !== 'cancelled' && r.status !== 'rejected')
        signUps.push({ ...r, client: r.client, at: r.requestedAt });
    }
  }
  return { conference: found.conference, groups: suspectedBulkGroups(signUps) };
};
