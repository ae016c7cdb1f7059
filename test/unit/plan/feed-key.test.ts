import { describe, expect, it } from '@jest/globals';
import { isFeedKey, newFeedKey } from '../../../shared/domain/plan/feed-key';

describe("the plan feed's key", () => {
  it('is 256 random bits, URL-safe, different every time', () => {
    const keys = Array.from({ length: 50 }, newFeedKey);
    expect(new Set(keys).size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens the feed only with the key stored for the event', () => {
    const key = newFeedKey();
    expect(isFeedKey(key, key)).toBe(true);
    expect(isFeedKey(newFeedKey(), key)).toBe(false);
    expect(isFeedKey(`${key}x`, key)).toBe(false);
    expect(isFeedKey(key.slice(0, -1), key)).toBe(false);
    expect(isFeedKey('', key)).toBe(false);
    expect(isFeedKey(undefined, key)).toBe(false);
  });

  it('opens nothing for an event without a key, whatever is given', () => {
    expect(isFeedKey(undefined, undefined)).toBe(false);
    expect(isFeedKey('', undefined)).toBe(false);
    expect(isFeedKey(newFeedKey(), undefined)).toBe(false);
  });
});
