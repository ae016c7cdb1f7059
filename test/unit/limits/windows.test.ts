import { describe, expect, it } from '@jest/globals';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/durations';
import {
  counterChanges,
  neverFits,
  roomAt,
  windowStartsHolding,
  type CounterWindow,
} from '../../../shared/domain/limits/windows';

const day: CounterWindow = { name: 'd', label: 'day', windowMs: DAY_MS, bucketMs: HOUR_MS, limit: 10 };
const quarter: CounterWindow = {
  name: 'q',
  label: '15 minutes',
  windowMs: 15 * MINUTE_MS,
  bucketMs: MINUTE_MS,
  limit: 5,
};
const at = Date.UTC(2027, 0, 7, 9, 30);

describe('window counters', () => {
  it('a reservation counts in every 25-hour window (by the hour) that holds it', () => {
    const starts = windowStartsHolding(day, at);
    expect(starts).toHaveLength(25);
    expect(starts[0]).toBe(Date.UTC(2027, 0, 6, 9));
    expect(starts[24]).toBe(Date.UTC(2027, 0, 7, 9));
    expect(starts.every((s) => s <= at && at < s + 25 * HOUR_MS)).toBe(true);
  });

  it('any rolling window lies inside one counter, so two reservations within it always share one', () => {
    for (const gap of [0, 1, 59, 60, 61, 1439, 1440 - 1]) {
      const other = at + gap * MINUTE_MS;
      const shared = windowStartsHolding(day, at).filter((s) => windowStartsHolding(day, other).includes(s));
      expect(shared.length).toBeGreaterThan(0);
    }
    // More than 25 hours apart: no counter holds both
    const far = at + 26 * HOUR_MS;
    expect(windowStartsHolding(day, at).some((s) => windowStartsHolding(day, far).includes(s))).toBe(false);
  });

  it('moving a reservation changes each counter once, by its net amount, and none where they cancel', () => {
    const moved = counterChanges([day], [{ at, amount: 4 }], [{ at: at + HOUR_MS, amount: 4 }]);
    expect(moved).toEqual([
      { window: day, start: Date.UTC(2027, 0, 6, 9), delta: -4 },
      { window: day, start: Date.UTC(2027, 0, 7, 10), delta: 4 },
    ]);
    expect(counterChanges([day], [{ at, amount: 3 }], [{ at, amount: 3 }])).toEqual([]);
    const grown = counterChanges([day, quarter], [{ at, amount: 2 }], [{ at, amount: 5 }]);
    expect(grown).toHaveLength(25 + 16);
    expect(grown.every((c) => c.delta === 3)).toBe(true);
  });

  it('says what can never fit and how much room is left', () => {
    expect(neverFits([day, quarter], [{ at, amount: 6 }])).toBe(quarter);
    expect(neverFits([day, quarter], [{ at, amount: 5 }])).toBeUndefined();
    const used = new Map([
      [Date.UTC(2027, 0, 7, 0), 7],
      [Date.UTC(2027, 0, 6, 12), 2],
    ]);
    expect(roomAt(day, at, used)).toBe(3);
    expect(roomAt(day, at + 2 * DAY_MS, used)).toBe(10);
  });
});
