import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/**
 * Stands in for the Cognito user pool on one machine: tokens carry the same claims (`sub`,
 * `cognito:groups`, `token_use`) and are signed with a local key, never valid anywhere else.
 */
const DEFAULT_SECRET = 'convene-local-signing-key-for-development-only';
const ISSUER = 'convene-local';
const AUDIENCE = 'convene-local-client';

const key = (): Uint8Array => new TextEncoder().encode(process.env.LOCAL_JWT_SECRET ?? DEFAULT_SECRET);

export const LOCAL_GROUPS = ['organisers', 'comms'] as const;

export const signLocalToken = async (
  groups: readonly string[],
  options: { subject?: string; expiresIn?: string; secret?: string } = {},
): Promise<string> =>
  new SignJWT({
    'cognito:groups': [...groups],
    token_use: 'id',
    email: `${options.subject ?? 'local-user'}@example.org`,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? `local-${groups.join('-') || 'nobody'}`)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(options.secret ? new TextEncoder().encode(options.secret) : key());

/** Verifies like API Gateway's JWT authoriser: signature, issuer, audience, expiry. */
export const verifyLocalToken = async (token: string): Promise<JWTPayload | undefined> => {
  try {
    const { payload } = await jwtVerify(token, key(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    return payload;
  } catch {
    return undefined;
  }
};

/** API Gateway flattens array claims to "[a b]" strings before the function sees them; so do we. */
export const claimsAsApiGatewayPassesThem = (
  payload: JWTPayload,
): Record<string, string | number | boolean> =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? `[${v.join(' ')}]`
        : typeof v === 'object' && v !== null
          ? JSON.stringify(v)
          : (v as string),
    ]),
  );
