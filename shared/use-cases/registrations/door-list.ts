import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';

/** One confirmed delegate as the registration desk needs them: who, where from, and whether in yet. */
export interface DoorDelegate {
  readonly registrationId: string;
  readonly name: string;
  readonly organisation?: string;
  /** When they were checked in; absent until then. */
  readonly attendedAt?: string;
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' });

/**
 * The registration desk's list of an event: its confirmed delegates by name (only those can be checked
 * in), and how many of the confirmed are checked in so far. One read of the event's registrations (a
 * regional day's 350 fit in a page or two), so the page can carry the whole list and search it as typed.
 * A confirmed delegate whose details were erased counts but is not listed: there is no name to find.
 */
export const doorList = async (eventId: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found) throw notFound('The event');
  const delegates: DoorDelegate[] = [];
  let confirmed = 0;
  let checkedIn = 0;
  for await (const page of registrationRepository.ofEvent(eventId)) {
    for (const r of page) {
      if (r.status !== 'confirmed') continue;
      confirmed += 1;
      if (r.attendedAt) checkedIn += 1;
      if (!r.delegate) continue;
      delegates.push({
        registrationId: r.registrationId,
        name: r.delegate.name,
        ...(r.delegate.organisation ? { organisation: r.delegate.organisation } : {}),
        ...(r.attendedAt ? { attendedAt: r.attendedAt } : {}),
      });
    }
  }
  delegates.sort((a, b) => byName.compare(a.name, b.name));
  return { conference: found.conference, delegates, confirmed, checkedIn };
};
