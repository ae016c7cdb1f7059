import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export type RouteAuth = 'public' | 'organisers' | 'comms';

export interface Caller {
  readonly subject: string;
  readonly groups: readonly string[];
}

/**
 * API Gateway's JWT authoriser passes array claims flattened to a string ("[organisers comms]");
 * the local server passes them the same way. Both shapes, and a real array, are read here.
 */
const groupsOf = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((g) => g.replace(/^"|"$/g, ''))
    .filter((g) => g.length > 0);
};

export const callerOf = (event: APIGatewayProxyEventV2): Caller | undefined => {
  const context = event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
  const claims = context.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return { subject: claims.sub, groups: groupsOf(claims['cognito:groups']) };
};

/** Organisers may do everything comms may. */
export const mayCall = (caller: Caller, auth: RouteAuth): boolean =>
  auth === 'public' ||
  caller.groups.includes('organisers') ||
  (auth === 'comms' && caller.groups.includes('comms'));
