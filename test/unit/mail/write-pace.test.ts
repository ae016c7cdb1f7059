import { describe, expect, it } from '@jest/globals';
import { writePace } from '../../../shared/domain/mail/write-pace';

/** A clock that only moves when the pace sleeps, or when the writes themselves are said to take time. */
const fakeTime = () => {
  let now = 1_000;
  const slept: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    pass: (ms: number) => {
      now += ms;
    },
    slept,
  };
};

describe('a write pace', () => {
  it('holds a run of writes to the rate on average: 16 at a time at 500 a second go every 32 ms', async () => {
    const time = fakeTime();
    const pace = writePace(500, time);
    for (let done = 0; done <= 64; done += 16) await pace.after(done);
    expect(time.slept).toEqual([32, 32, 32, 32]);
    expect(time.clock() - 1_000).toBe(128);
  });

  it('waits only for what the writes did not take already, and not at all when they were slower', async () => {
    const time = fakeTime();
    const pace = writePace(500, time);
    await pace.after(0);
    time.pass(20);
    await pace.after(16);
    time.pass(50);
    await pace.after(32);
    expect(time.slept).toEqual([12]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => writePace(0)).toThrow('A write pace must be positive, got 0');
  });
});
