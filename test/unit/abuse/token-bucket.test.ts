import { describe, expect, it } from '@jest/globals';
import { TokenBuckets } from '../../../shared/domain/abuse/token-bucket';

describe('a token bucket per client', () => {
  it('lets a burst of 20 through and refuses the 21st, saying when to come back', () => {
    const buckets = new TokenBuckets({ perMinute: 20, burst: 20 });
    const answers = Array.from({ length: 21 }, () => buckets.take('203.0.113.7', 0));
    expect(answers.slice(0, 20).every((a) => a.allowed)).toBe(true);
    expect(answers[20]).toEqual({ allowed: false, retryAfterSeconds: 3 });
  });

  it('refills at the rate a minute: one more every 3 seconds at 20 a minute', () => {
    const buckets = new TokenBuckets({ perMinute: 20, burst: 20 });
    for (let i = 0; i < 20; i += 1) buckets.take('a', 0);
    expect(buckets.take('a', 2_999).allowed).toBe(false);
    expect(buckets.take('a', 3_000).allowed).toBe(true);
    expect(buckets.take('a', 3_001).allowed).toBe(false);
  });

  it('keeps each client apart', () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1 });
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('b', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
  });

  it('lets a business manager register a dozen colleagues one after another at the default', () => {
    const buckets = new TokenBuckets({ perMinute: 20, burst: 20 });
    // One every 5 seconds, the fastest a person fills the form in, for a minute.
    expect(Array.from({ length: 12 }, (_, i) => buckets.take('school', i * 5_000).allowed)).toEqual(
      Array.from({ length: 12 }, () => true),
    );
  });
});
