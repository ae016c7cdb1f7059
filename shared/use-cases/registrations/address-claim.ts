import { addressDigest } from '../../adapters/address-digest';
import type { Registration } from '../../domain/registration';

/**
 * A registration's claim on an address for its event is keyed by the address's keyed digest (HMAC under
 * a key derived from the link secret), never the address or a plain hash anyone could test an address
 * against. Only the use-cases that take, check or give up a claim import this, so only their functions
 * read the secret.
 */
export const claimDigest = (address: string): Promise<string> => addressDigest(address);

/** The digest of the address a registration's claim is held under (plus tag stripped where ignored). */
export const heldClaimDigest = async (r: Registration): Promise<string | undefined> =>
  r.delegate ? addressDigest(r.claimedEmail ?? r.delegate.email) : undefined;
