import { deriveAddressKey, digestAddress } from '../domain/address-digest';
import { readLinkSecret } from './link-secret';

/**
 * The key is derived with HKDF from the link key's secret (one secret and one grant, `tokens: 'sign'`),
 * under its own `info`, so neither key reveals the other. Read on first use, then kept for the instance.
 */
let addressKey: Promise<Buffer> | undefined;

/**
 * A keyed HMAC-SHA-256 of the trimmed, lower-cased address: what Convene keeps in place of an address
 * that must outlive erasure (suppression, unsubscribe) or be counted without being held.
 */
export const addressDigest = async (email: string): Promise<string> => {
  addressKey ??= readLinkSecret()
    .then(deriveAddressKey)
    .catch((error: unknown) => {
      addressKey = undefined;
      throw error;
    });
  return digestAddress(await addressKey, email);
};
