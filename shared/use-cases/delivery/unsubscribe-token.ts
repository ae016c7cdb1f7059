import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import { checkToken } from '../../domain/tokens';

export type UnsubscribeLink =
  | { readonly ok: true; readonly registrationId: string }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' };

/**
 * Reads the token of an unsubscribe link: signed for the purpose `unsubscribe` (a manage or survey token
 * never passes), checked in constant time, not expired. Never throws on bad input: a missing, malformed
 * or forged token is `invalid`, one past its expiry `expired`.
 */
export const readUnsubscribeLink = (token: string | undefined): UnsubscribeLink => {
  if (token === undefined || token === '') return { ok: false, reason: 'missing' };
  const check = checkToken(tokenKey, 'unsubscribe', token, now());
  if (check.ok) return { ok: true, registrationId: check.subject };
  return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' };
};
