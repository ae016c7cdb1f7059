import { DAY_MS } from '../durations';
/**
 * Limits that hold under concurrency: a limit of `limit` in any `windowMs` (X's 300 posts a day, the daily
 * send quota) is kept as counters, one per window that starts on a bucket boundary and spans `windowMs`
 * plus one bucket, so every rolling window of `windowMs` lies inside one of them. A reservation at an
 * instant adds to every counter whose window holds it, in one transaction, each on the condition that it
 * stays within the limit: concurrent reservations cannot both take the last room. The price of counting
 * whole buckets is a little room near a window's edges (a day is counted as 25 hours).
 */
export interface CounterWindow {
  /** Names the counters, e.g. `send-quota` or `x-day`; a window's items are keyed by it. */
  readonly name: string;
  /** For people: "day", "15 minutes". */
  readonly label: string;
  readonly windowMs: number;
  readonly bucketMs: number;
  readonly limit: number;
}

/** Something that holds room in the windows: `amount` (mails, tweets) at `at` (epoch ms). */
export interface Reservation {
  readonly at: number;
  readonly amount: number;
}

/** One counter and what a change adds to it (negative: gives room back). */
export interface CounterChange {
  readonly window: CounterWindow;
  /** The counter's window start (epoch ms, on a bucket boundary). */
  readonly start: number;
  readonly delta: number;
}

/** Buckets a counter spans: the window and one bucket more, so any rolling window fits inside one. */
export const bucketsSpanned = (w: CounterWindow): number => Math.ceil(w.windowMs / w.bucketMs) + 1;

/** The start of every counter whose window holds `at`. */
export const windowStartsHolding = (w: CounterWindow, at: number): number[] => {
  const bucket = Math.floor(at / w.bucketMs);
  const span = bucketsSpanned(w);
  return Array.from({ length: span }, (_, i) => (bucket - span + 1 + i) * w.bucketMs);
};

/** When a counter may be forgotten: a day after its window ends. */
export const counterExpiry = (w: CounterWindow, start: number): number =>
  start + bucketsSpanned(w) * w.bucketMs + DAY_MS;

/**
 * The net change to each counter when `released` give their room back and `reserved` take theirs, in
 * each window: one change per counter (a transaction may touch an item once), none where they cancel out.
 */
export const counterChanges = (
  windows: readonly CounterWindow[],
  released: readonly Reservation[],
  reserved: readonly Reservation[],
): CounterChange[] => {
  const changes: CounterChange[] = [];
  for (const window of windows) {
    const deltas = new Map<number, number>();
    const add = (r: Reservation, sign: number) => {
      if (r.amount === 0) return;
      for (const start of windowStartsHolding(window, r.at)) {
        deltas.set(start, (deltas.get(start) ?? 0) + sign * r.amount);
      }
    };
    released.forEach((r) => add(r, -1));
    reserved.forEach((r) => add(r, 1));
    for (const [start, delta] of [...deltas].sort(([a], [b]) => a - b)) {
      if (delta !== 0) changes.push({ window, start, delta });
    }
  }
  return changes;
};

/** The first window that `reserved` alone can never fit, however empty it is. */
export const neverFits = (
  windows: readonly CounterWindow[],
  reserved: readonly Reservation[],
): CounterWindow | undefined =>
  windows.find((w) => counterChanges([w], [], reserved).some((c) => c.delta > w.limit));

/** Room left at `at`: the limit less the fullest counter holding it (`used` by counter start). */
export const roomAt = (w: CounterWindow, at: number, used: ReadonlyMap<number, number>): number => {
  const fullest = Math.max(0, ...windowStartsHolding(w, at).map((s) => used.get(s) ?? 0));
  return Math.max(0, w.limit - fullest);
};
