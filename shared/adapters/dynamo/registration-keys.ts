import type { Registration } from '../../domain/registration';

/**
 * Registrations and everything that keeps places honest:
 * - REG#<id> / REG                            the registration (gsi4: the event's registrations in order)
 * - REG#<id> / NEEDS                          the delegate's access and dietary needs, apart from the rest
 *                                             (a shorter retention; gsi1 EVENT#<eventId>#NEEDS)
 * - EVENT#<eventId>#EMAIL#<digest> / EMAIL    one live registration per email per event, keyed by the
 *                                             address's keyed digest (address-digest.ts), never the address
 * - EVENT#<eventId> / WAIT#<scope>#<at>#<id>  waiting lists, oldest first (scope EVENT or SESSION#<id>)
 * - EVENT#<eventId> / SEATS#...               counters `taken` and `waiting` (conference-repository)
 * - EVENT#<eventId>#FORM#<nonce> / FORM       the registration one rendering of the event page's form made,
 *                                             so its second post (a double click) finds it; no personal data
 * A place is only taken while nobody waits for it (`waiting = 0`), so the waiting list is served first.
 */
export const registrationKeys = {
  item: (id: string) => ({ pk: `REG#${id}`, sk: 'REG' }),
  needs: (id: string) => ({ pk: `REG#${id}`, sk: 'NEEDS' }),
  /** The claim on an address for an event, by the address's keyed digest. */
  emailClaim: (eventId: string, digest: string) => ({ pk: `EVENT#${eventId}#EMAIL#${digest}`, sk: 'EMAIL' }),
  /** A registration's entry in its event's listing (gsi4, keys only), oldest first. */
  listingEntry: (r: Pick<Registration, 'eventId' | 'requestedAt' | 'registrationId'>) => ({
    gsi4pk: registrationKeys.listing(r.eventId),
    gsi4sk: `${r.requestedAt}#${r.registrationId}`,
  }),
  listing: (eventId: string) => `EVENT#${eventId}#REGS`,
  /** An event's needs items, in the order of its registrations. */
  needsListing: (eventId: string) => `EVENT#${eventId}#NEEDS`,
  formPost: (eventId: string, nonce: string) => ({ pk: `EVENT#${eventId}#FORM#${nonce}`, sk: 'FORM' }),
  waitPrefix: (scope: string) => `WAIT#${scope}#`,
  wait: (
    eventId: string,
    scope: string,
    r: Pick<Registration, 'requestedAt' | 'registrationId' | 'sessionWaitSince'>,
  ) => ({
    pk: `EVENT#${eventId}`,
    sk: `WAIT#${scope}#${waitingSince(scope, r)}#${r.registrationId}`,
  }),
};

export const EVENT_SCOPE = 'EVENT';
const SESSION_SCOPE = 'SESSION#';
export const sessionScope = (sessionId: string): string => `${SESSION_SCOPE}${sessionId}`;

/** A session joined by a later change waits from then, behind those already waiting; else from the request. */
const waitingSince = (scope: string, r: Pick<Registration, 'requestedAt' | 'sessionWaitSince'>): string =>
  (scope.startsWith(SESSION_SCOPE) ? r.sessionWaitSince?.[scope.slice(SESSION_SCOPE.length)] : undefined) ??
  r.requestedAt;
