import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RateLimiter, type RateLimiterOptions } from '../../../shared/domain/mail/rate-limiter';

/** A limiter on a fake clock: sleeping moves time on, so pacing is read off the clock, not waited for. */
const fakeTime = (): { now: () => number; pass: (ms: number) => void; options: RateLimiterOptions } => {
  let t = 0;
  return {
    now: () => t,
    pass: (ms) => {
      t += ms;
    },
    options: {
      clock: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    },
  };
};

/** The most grants in any window of `windowMs` (a second from 0 holds 0 and 999, not 1000). */
const mostInAnyWindow = (times: readonly number[], windowMs: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) >= windowMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe('RateLimiter', () => {
  it('spaces calls evenly, and holds sends to the rate in any second', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(10, time.options);
    const at: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      await limiter.take();
      at.push(time.now());
    }
    expect(at.slice(0, 4)).toEqual([0, 80, 160, 240]);
    expect(at[10]).toBe(1000);
    expect(mostInAnyWindow(at, 1000)).toBe(10);
  });

  it('never lets more than the rate into a second plus the margin, however the sends are spread', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.record({ gapMs: fc.nat(400), refused: fc.boolean() }), { minLength: 1, maxLength: 120 }),
        async (perSecond, marginMs, sends) => {
          const time = fakeTime();
          const limiter = new RateLimiter(perSecond, { ...time.options, marginMs });
          const counted: number[] = [];
          for (const send of sends) {
            time.pass(send.gapMs);
            const permit = await limiter.take();
            const at = time.now();
            time.pass(3); // the call to SES
            if (send.refused) permit.refund();
            else counted.push(at);
          }
          expect(mostInAnyWindow(counted, 1000 + marginMs)).toBeLessThanOrEqual(perSecond);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives a refused send’s place in the second to the send behind it', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(10, time.options);
    const permits = [];
    for (let i = 0; i < 10; i += 1) permits.push(await limiter.take());
    expect(time.now()).toBe(720);
    permits[9]?.refund();
    await limiter.take();
    expect(time.now()).toBe(800); // not 1000: the refused send did not count
  });

  it('never calls SES faster than 1¼ times the rate, even when it refuses every send', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, time.options);
    for (let i = 0; i < 101; i += 1) (await limiter.take()).refund();
    expect(time.now()).toBe(800);
  });

  it('keeps the full rate when every tenth send is refused', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, time.options);
    const counted: number[] = [];
    for (let i = 1; counted.length < 1000; i += 1) {
      const permit = await limiter.take();
      const at = time.now();
      time.pass(2);
      if (i % 10 === 0) permit.refund();
      else counted.push(at);
    }
    const seconds = ((counted.at(-1) as number) - (counted[0] as number)) / 1000;
    expect(999 / seconds).toBeGreaterThan(99);
    expect(mostInAnyWindow(counted, 1000)).toBeLessThanOrEqual(100);
  });

  it('serves callers in the order they asked', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(5, time.options);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4, 5].map((n) => limiter.take().then(() => order.push(n))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(time.now()).toBe(1000);
  });

  it('paces a rate under one a second by its interval', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(0.5, time.options);
    await limiter.take();
    await limiter.take();
    await limiter.take();
    expect(time.now()).toBe(4000);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow('A send rate must be positive, got 0');
  });
});
