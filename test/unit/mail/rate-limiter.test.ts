import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RateLimiter, type Permit, type RateLimiterOptions } from '../../../shared/domain/mail/rate-limiter';

/**
 * A limiter on a fake clock: sleeping moves time on, so pacing is read off the clock, not waited for.
 * `answerAt` has SES answer a send at a later moment, which passes as the limiter sleeps.
 */
const fakeTime = () => {
  let t = 0;
  const answers: { at: number; answer: () => void }[] = [];
  const moveTo = (to: number): void => {
    for (;;) {
      answers.sort((x, y) => x.at - y.at);
      const due = answers[0];
      if (!due || due.at > to) break;
      answers.shift();
      t = due.at;
      due.answer();
    }
    t = to;
  };
  const options: RateLimiterOptions = {
    clock: () => t,
    sleep: async (ms) => moveTo(t + ms),
  };
  return {
    now: () => t,
    pass: (ms: number) => moveTo(t + ms),
    answerAt: (at: number, answer: () => void) => answers.push({ at, answer }),
    options,
  };
};

/** A send's turn, and its going at once (nothing of its own between). */
const send = async (limiter: RateLimiter): Promise<Permit> => {
  const permit = await limiter.take();
  await permit.go();
  return permit;
};

/**
 * A clock for sends at once: `sleep` and `at` wait for a moment; `run` moves time to each moment in turn,
 * once everything that can run before it has.
 */
const eventTime = () => {
  let t = 0;
  let order = 0;
  const timers: { at: number; order: number; fire: () => void }[] = [];
  const at = (when: number, fire: () => void): void => {
    timers.push({ at: Math.max(t, when), order: (order += 1), fire });
  };
  const options: RateLimiterOptions = {
    clock: () => t,
    sleep: (ms) => new Promise<void>((resolve) => at(t + ms, resolve)),
  };
  const run = async (): Promise<void> => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (timers.length === 0) return;
      timers.sort((x, y) => x.at - y.at || x.order - y.order);
      const next = timers.shift()!;
      t = next.at;
      next.fire();
    }
  };
  return { now: () => t, at, sleep: options.sleep!, run, options };
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
      (await send(limiter)).done();
      at.push(time.now());
    }
    expect(at.slice(0, 4)).toEqual([0, 80, 160, 240]);
    expect(at[10]).toBe(1000);
    expect(mostInAnyWindow(at, 1000)).toBe(10);
  });

  it('never lets more than the rate reach SES in any second, however long each trip takes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(
          fc.record({
            gapMs: fc.nat(300),
            tripMs: fc.nat(400),
            arrivesAt: fc.double({ min: 0, max: 1, noNaN: true }),
            refused: fc.boolean(),
          }),
          { minLength: 1, maxLength: 150 },
        ),
        async (perSecond, sends) => {
          const time = fakeTime();
          const limiter = new RateLimiter(perSecond, time.options);
          const arrivals: number[] = [];
          for (const one of sends) {
            time.pass(one.gapMs);
            const permit = await send(limiter);
            const sentAt = time.now();
            // SES takes it somewhere on the way, and answers at the end of the trip.
            if (!one.refused) arrivals.push(sentAt + one.arrivesAt * one.tripMs);
            time.answerAt(sentAt + one.tripMs, () => (one.refused ? permit.refund() : permit.done()));
          }
          expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(perSecond);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a refused send’s place in the second to the send behind it', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(10, time.options);
    const permits = [];
    for (let i = 0; i < 10; i += 1) permits.push(await send(limiter));
    expect(time.now()).toBe(720);
    for (const permit of permits.slice(0, 9)) permit.done();
    permits[9]?.refund();
    await send(limiter);
    expect(time.now()).toBe(800); // not 1000: the refused send did not count
  });

  it('never calls SES faster than 1¼ times the rate, even when it refuses every send', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, time.options);
    for (let i = 0; i < 101; i += 1) (await send(limiter)).refund();
    expect(time.now()).toBe(800);
  });

  it('keeps the full rate when every tenth send is refused', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, time.options);
    const counted: number[] = [];
    for (let i = 1; counted.length < 1000; i += 1) {
      const permit = await send(limiter);
      const at = time.now();
      time.pass(2);
      if (i % 10 === 0) permit.refund();
      else {
        permit.done();
        counted.push(at);
      }
    }
    const seconds = ((counted.at(-1) as number) - (counted[0] as number)) / 1000;
    expect(999 / seconds).toBeGreaterThan(99);
    expect(mostInAnyWindow(counted, 1000)).toBeLessThanOrEqual(100);
  });

  it('keeps the full rate when every sleep wakes late, as on a busy event loop', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, {
      ...time.options,
      // Every timer fires 12 ms after it was due: started again from each late wake, the spacing gave 50/s.
      sleep: async (ms) => time.pass(ms + 12),
    });
    const at: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      (await send(limiter)).done();
      at.push(time.now());
    }
    const seconds = ((at.at(-1) as number) - (at[0] as number)) / 1000;
    expect(999 / seconds).toBeGreaterThan(99);
    expect(mostInAnyWindow(at, 1000)).toBeLessThanOrEqual(100);
  });

  it.each([
    // 5 calls end at 32 ms (8 apart); the 6th was due at 40.
    ['catches up after a busy moment of 50 ms', 90, [90, 90, 90, 90, 90, 90, 90, 96]],
    ['starts its spacing again after a pause of 150 ms', 190, [190, 198, 206, 214, 222, 230, 238, 246]],
  ])('%s', async (_name, resumeAt, expected) => {
    const time = fakeTime();
    const limiter = new RateLimiter(100, time.options);
    for (let i = 0; i < 5; i += 1) (await send(limiter)).done();
    time.pass(resumeAt - time.now());
    const at: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      (await send(limiter)).done();
      at.push(time.now());
    }
    expect(at).toEqual(expected);
  });

  it('serves callers in the order they asked', async () => {
    const time = eventTime();
    const limiter = new RateLimiter(5, time.options);
    const order: number[] = [];
    const all = Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) =>
        send(limiter).then((permit) => {
          permit.done();
          order.push(n);
        }),
      ),
    );
    await time.run();
    await all;
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(time.now()).toBe(1000);
  });

  it('paces a rate under one a second by its interval', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(0.5, time.options);
    for (let i = 0; i < 3; i += 1) (await send(limiter)).done();
    expect(time.now()).toBe(4000);
  });

  it('waits for the answer to the send a second back before it lets the next go', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(2, time.options);
    const first = await send(limiter);
    const second = await send(limiter);
    time.answerAt(1500, () => first.done());
    time.answerAt(1600, () => second.done());
    await send(limiter);
    expect(time.now()).toBe(2500); // a second after SES answered the first, not after it went
  });

  it('does not wait for ever on a send whose caller never said how it went', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(1, time.options);
    await send(limiter); // never settled
    await send(limiter);
    expect(time.now()).toBe(31_000); // counted as answered 30 s after it went
  });

  it('never lets more than the rate reach SES in any second when sends go after work of their own, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(
          fc.record({
            startMs: fc.nat(3_000),
            // Its claim, between its turn and SES: sends go in another order than their turns came.
            leadMs: fc.nat(300),
            tripMs: fc.nat(400),
            arrivesAt: fc.double({ min: 0, max: 1, noNaN: true }),
            refused: fc.boolean(),
          }),
          { minLength: 1, maxLength: 120 },
        ),
        async (perSecond, sends) => {
          const time = eventTime();
          const limiter = new RateLimiter(perSecond, time.options);
          const arrivals: number[] = [];
          for (const s of sends) {
            time.at(s.startMs, () => {
              void limiter.take().then(async (permit) => {
                await time.sleep(s.leadMs);
                await permit.go();
                const wentAt = time.now();
                if (!s.refused) arrivals.push(wentAt + s.arrivesAt * s.tripMs);
                time.at(wentAt + s.tripMs, () => (s.refused ? permit.refund() : permit.done()));
              });
            });
          }
          await time.run();
          expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(perSecond);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not lose the time a send spends between its turn and SES (its claim) from the second', async () => {
    const time = eventTime();
    const limiter = new RateLimiter(100, time.options);
    const went: number[] = [];
    // Ten sends in hand at once, as in a batch: each claims for 50 ms, and SES answers in 20 ms.
    const worker = async (): Promise<void> => {
      while (went.length < 1000) {
        const permit = await limiter.take();
        await time.sleep(50);
        await permit.go();
        went.push(time.now());
        await time.sleep(20);
        permit.done();
      }
    };
    const workers = Promise.all(Array.from({ length: 10 }, worker));
    await time.run();
    await workers;
    const seconds = ((went[999] as number) - (went[0] as number)) / 1000;
    // A second plus the 20 ms trip for each 100 sends (98/s); counting the claim too would give 93/s.
    expect(999 / seconds).toBeGreaterThan(97);
    expect(mostInAnyWindow(went, 1000)).toBeLessThanOrEqual(100);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow('A send rate must be positive, got 0');
  });
});
