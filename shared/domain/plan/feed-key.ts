import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A calendar feed's key: 32 random bytes (256 bits), URL-safe, so guessing one is hopeless. */
export const newFeedKey = (): string => randomBytes(32).toString('base64url');

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `given` is the event's key. Both are hashed first, so the comparison is constant-time
 * whatever their lengths, and an event without a key (or none at all) takes the same path and time.
 */
export const isFeedKey = (given: string | undefined, stored: string | undefined): boolean => {
  const expected = digest(stored ?? randomBytes(32).toString('base64url'));
  const matches = timingSafeEqual(digest(given ?? ''), expected);
  return matches && stored !== undefined && given !== undefined;
};
