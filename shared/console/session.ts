import { endedSessions } from '../adapters/dynamo/ended-sessions';
import type { BearerVerifier } from '../adapters/jwt-verifier';
import { tokenKey } from '../adapters/token-key';
import { now } from '../clock';
import { checkToken, signToken } from '../domain/tokens';
import { groupsOf } from '../http/claims';
import type { ConsoleSession } from './console-session';

export type { ConsoleSession };

/**
 * The session a cookie holds, or undefined: a token the user pool signed for our client (the same
 * verifier as the API's bearer tokens, so a cookie from another stage's pool is refused), an ID token
 * (it names the person), with an id, not signed out.
 */
export const sessionOf = async (
  token: string | undefined,
  verify: BearerVerifier,
): Promise<ConsoleSession | undefined> => {
  if (!token) return undefined;
  const claims = await verify(token);
  if (!claims || claims.token_use !== 'id') return undefined;
  const { sub, jti, exp, email } = claims;
  if (typeof sub !== 'string' || typeof jti !== 'string' || jti === '' || typeof exp !== 'number') {
    return undefined;
  }
  if (await endedSessions.hasEnded(jti)) return undefined;
  return {
    subject: sub,
    groups: groupsOf(claims['cognito:groups']),
    email: typeof email === 'string' ? email : sub,
    tokenId: jti,
    expiresAt: new Date(exp * 1000),
  };
};

/** Ends a session before its token expires: its cookie is refused from now on, wherever it was copied. */
export const endSession = (session: ConsoleSession): Promise<void> =>
  endedSessions.end(session.tokenId, session.expiresAt);

/**
 * The value every console form carries (hidden field `csrf`): signed for this session alone, so another
 * site cannot make one, and a value from another session is refused.
 */
export const csrfValueOf = (session: ConsoleSession): string =>
  signToken(tokenKey, 'console-form', session.tokenId, session.expiresAt);

export const isCsrfValue = (session: ConsoleSession, value: string | undefined): boolean => {
  if (!value) return false;
  const checked = checkToken(tokenKey, 'console-form', value, now());
  return checked.ok && checked.subject === session.tokenId;
};
