import { createHash } from 'node:crypto';
import type { Registration } from '../../domain/registration';

/** The digest an address's claim is keyed by (callers pass the normalised address). */
export const emailSha256 = (email: string): string => createHash('sha256').update(email).digest('hex');

const emailClaimKey = (eventId: string, sha256: string) => ({
  pk: `EVENT#${eventId}#EMAIL#${sha256}`,
  sk: 'EMAIL',
});

/**
 * Registrations and everything that keeps places honest:
 * - REG#<id> / REG                            the registration (gsi1: the event's registrations in order)
 * - EVENT#<eventId>#EMAIL#<sha256> / EMAIL    one live registration per email per event
 * - EVENT#<eventId> / WAIT#<scope>#<at>#<id>  waiting lists, oldest first (scope EVENT or SESSION#<id>)
 * - EVENT#<eventId> / SEATS#...               counters `taken` and `waiting` (conference-repository)
 * - EVENT#<eventId>#FORM#<nonce> / FORM       the registration one rendering of the event page's form made,
 *                                             so its second post (a double click) finds it; no personal data
 * A place is only taken while nobody waits for it (`waiting = 0`), so the waiting list is served first.
 */
export const registrationKeys = {
  item: (id: string) => ({ pk: `REG#${id}`, sk: 'REG' }),
  email: (eventId: string, email: string) => emailClaimKey(eventId, emailSha256(email)),
  /** The claim by the address's digest, for a lookup that never held the address (a resend request). */
  emailClaim: (eventId: string, sha256: string) => emailClaimKey(eventId, sha256),
  listing: (eventId: string) => `EVENT#${eventId}#REGS`,
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
