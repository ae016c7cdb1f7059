import { createHmac } from 'node:crypto';

/**
 * The registration id the honeypot answers with: as a real one looks (a fresh id), its last characters a
 * keyed tag of the rest, so the page after registering can show it as "We are booking your place", as it
 * would a real one, while nothing is stored. Only the key's holder can make or recognise one; a real id
 * carries the tag by chance once in 32^6 (about a billion).
 */
const TAG_LENGTH = 6;
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford's, as ids use (lower case)

const tagOf = (key: string, head: string): string =>
  Array.from(createHmac('sha256', key).update(`decoy.${head}`).digest().subarray(0, TAG_LENGTH), (byte) =>
    BASE32.charAt(byte & 31),
  ).join('');

/** A fresh id (newId('reg')) made into a decoy. */
export const decoyRegistrationId = (key: string, fresh: string): string => {
  const head = fresh.slice(0, -TAG_LENGTH);
  return `${head}${tagOf(key, head)}`;
};

export const isDecoyRegistrationId = (key: string, id: string): boolean =>
  id.length > TAG_LENGTH && tagOf(key, id.slice(0, -TAG_LENGTH)) === id.slice(-TAG_LENGTH);
