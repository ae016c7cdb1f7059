import type { JwtPayload } from '../adapters/jwt-verifier';

export type RouteAuth = 'public' | 'organisers' | 'comms';

export interface Caller {
  readonly subject: string;
  readonly groups: readonly string[];
}

/**
 * `cognito:groups` as Cognito issues it: an array of group names, each matched exactly. Anything else
 * (a string such as "[organisers]", an array holding a non-string) grants no group at all.
 */
export const groupsOf = (claim: unknown): readonly string[] =>
  Array.isArray(claim) && claim.every((group) => typeof group === 'string') ? claim : [];

/** The caller a verified token names. */
export const callerOf = (claims: JwtPayload): Caller | undefined =>
  typeof claims.sub === 'string' && claims.sub !== ''
    ? { subject: claims.sub, groups: groupsOf(claims['cognito:groups']) }
    : undefined;

/** The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive, RFC 9110). */
export const bearerTokenOf = (
  headers: Readonly<Record<string, string | undefined>> | undefined,
): string | undefined =>
  /^Bearer +(\S+) *$/i.exec(headers?.authorization ?? headers?.Authorization ?? '')?.[1];

/** Organisers may do everything comms may. */
export const mayCall = (caller: Caller, auth: RouteAuth): boolean =>
  auth === 'public' ||
  caller.groups.includes('organisers') ||
  (auth === 'comms' && caller.groups.includes('comms'));
