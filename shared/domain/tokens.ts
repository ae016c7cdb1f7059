import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links: HMAC-SHA256 over purpose, subject and expiry, so a manage token can never be used as an
 * unsubscribe or survey token, nor for another registration, nor after it expires.
 */
export type TokenPurpose = 'manage' | 'unsubscribe' | 'survey';

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
