import { createHmac, hkdfSync } from 'node:crypto';

/** HKDF's `info`: the address key is bound to this one use, so it is never the link-signing key. */
const ADDRESS_KEY_INFO = 'convene/address-digest/v1';

/** A 32-byte key for address digests, derived from a secret value (RFC 5869, SHA-256). */
export const deriveAddressKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, '', ADDRESS_KEY_INFO, 32));

/** The address as compared: trimmed and lower-cased (plus-address tags are the caller's to strip). */
export const normaliseAddress = (email: string): string => email.trim().toLowerCase();

/** HMAC-SHA-256 of the normalised address under the key, as hex: no one without the key can test an address. */
export const digestAddress = (key: Buffer, email: string): string =>
  createHmac('sha256', key).update(normaliseAddress(email), 'utf8').digest('hex');
