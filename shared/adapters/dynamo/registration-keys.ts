import { createHash } from 'node:crypto';
import type { Registration } from '../../domain/registration';

/**
 * Registrations and everything that keeps places honest:
 * - REG#<id> / REG                            the registration (gsi1: the event's registrations in order)
 * - EVENT#<eventId>#EMAIL#<sha256> / EMAIL    one live registration per email per event
 * - EVENT#<eventId> / WAIT#<scope>#<at>#<id>  waiting lists, oldest first (scope EVENT or SESSION#<id>)
 * - EVENT#<eventId> / SEATS#...               counters `taken` and `waiting` (conference-repository)
 * A place is only taken while nobody waits for it (`waiting = 0`), so the waiting list is served first.
 */
export const registrationKeys = {
  item: (id: string) => ({ pk: `REG#${id}`, sk: 'REG' }),
  email: (eventId: string, email: string) => ({
    pk: `EVENT#${eventId}#EMAIL#${createHash('sha256').update(email).digest('hex')}`,
    sk: 'EMAIL',
  }),
  listing: (eventId: string) => `EVENT#${eventId}#REGS`,
  waitPrefix: (scope: string) => `WAIT#${scope}#`,
  wait: (eventId: string, scope: string, r: Pick<Registration, 'requestedAt' | 'registrationId'>) => ({
    pk: `EVENT#${eventId}`,
    sk: `WAIT#${scope}#${r.requestedAt}#${r.registrationId}`,
  }),
};

export const EVENT_SCOPE = 'EVENT';
export const sessionScope = (sessionId: string): string => `SESSION#${sessionId}`;
