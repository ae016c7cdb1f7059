import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links: HMAC-SHA256 over purpose, subject and expiry, so a manage token can never be used as an
 * unsubscribe or survey token, nor for another registration, nor after it expires.
 */
export type TokenPurpose =
  | 'manage'
  | 'unsubscribe'
  | 'survey'
  | 'check-in'
  | 'form'
  /** The console's per-session form value (CSRF), bound to one session. */
  | 'console-form'
  /** The console's sign-in in progress: PKCE verifier, state and where to go after. */
  | 'console-sign-in'
  /** The comms plan's calendar feed (`plan.ics?key=`). */
  | 'plan-feed';

export type TokenCheck =
  | { readonly ok: true; readonly subject: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

const mac = (key: string, purpose: TokenPurpose, body: string): Buffer =>
  createHmac('sha256', key).update(`${purpose}.${body}`).digest();

export const signToken = (key: string, purpose: TokenPurpose, subject: string, expiresAt: Date): string => {
  const body = b64(JSON.stringify({ s: subject, e: Math.floor(expiresAt.getTime() / 1000) }));
  return `${body}.${b64(mac(key, purpose, body))}`;
};

export const checkToken = (key: string, purpose: TokenPurpose, token: string, now: Date): TokenCheck => {
  if (typeof token !== 'string' || token.length > 1024) return { ok: false, reason: 'malformed' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(signature)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = mac(key, purpose, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  let payload: { s?: unknown; e?: unknown };
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.s !== 'string' || typeof payload.e !== 'number')
    return { ok: false, reason: 'malformed' };
  if (payload.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, subject: payload.s };
};

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

/**
 * A registration's check-in code: its id's HMAC for the purpose 'check-in', 40 bits as 8 characters.
 * Anyone with the key can recompute it, so no table of codes is kept; it is never the manage token.
 */
export const checkInCode = (key: string, registrationId: string): string => {
  const digest = mac(key, 'check-in', registrationId);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    // Five bits per character, read from the digest's first 40 bits.
    const bit = i * 5;
    const pair = (digest[bit >> 3]! << 8) | digest[(bit >> 3) + 1]!;
    code += CODE_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return code;
};

/**
 * A code as a person typed it, in canonical form: case, spaces and hyphens ignored, and the letters
 * Crockford reads as digits (O as 0, I and L as 1). Undefined when it cannot be a check-in code.
 */
export const normaliseCheckInCode = (typed: string): string | undefined => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
};

/** Whether a typed code is this registration's, compared in constant time. */
export const isCheckInCode = (key: string, registrationId: string, typed: string): boolean => {
  const given = normaliseCheckInCode(typed);
  if (!given) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(checkInCode(key, registrationId)));
};
