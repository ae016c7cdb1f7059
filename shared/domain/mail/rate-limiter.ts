import { SECOND_MS } from '../durations';

/**
 * A send the limiter let go. `done` when SES answered it (or may have taken it: a lost answer); `refund`
 * when SES refused it, as it then did not count against the rate.
 */
export interface Permit {
  done(): void;
  refund(): void;
}

export interface RateLimiterOptions {
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The share of calls SES may refuse without slowing the mail: calls are spaced for the rate over
 * (1 - this), while the log holds accepted sends to the rate. It also caps the calls: SES refusing every
 * one never sees more than 1¼ times the rate over a run (within one second, a catch-up burst after a
 * busy moment can bring refused calls to about 1.4 times; accepted sends never pass the rate).
 */
const REFUSALS_ABSORBED = 0.2;
/**
 * A send left unanswered this long counts as answered then: SES's client gives up well before (10 s), so
 * only a caller that never settled its permit gets here, and the limiter must not wait on it for ever.
 */
const LONGEST_TRIP_MS = 30_000;
/**
 * How far behind its spacing the limiter may fall and still catch up. A sleep on a busy event loop wakes
 * late (5-15 ms on average while the local stack runs a campaign); started again from each late wake, the
 * spacing lost that lateness on every call: at 100/s (8 ms apart), waking 12 ms late halves the rate.
 * Catching up lets the calls behind go at once, a burst of at most this long's worth; the log still holds
 * every second to the rate.
 */
const CATCH_UP_MS = 100;

/**
 * At most `perSecond` sends in any sliding one-second window, as SES counts them on arrival, however
 * long each trip to SES takes:
 * - calls go evenly spaced, a little faster than the rate (REFUSALS_ABSORBED), so they arrive smoothly
 *   rather than in bursts; calls that went late (a timer that fired late, a busy moment) let the ones
 *   behind them catch up, up to CATCH_UP_MS behind the spacing;
 * - a log of the last `perSecond` sends holds the bound: a send goes only a second after SES answered
 *   the one `perSecond` places before it. That one arrived before its answer, and this one arrives after
 *   it goes, so no second at SES ever holds more, whatever the network or a busy moment does to a trip;
 * - a send SES refused did not count: its refund takes it out of the log, so throttled mail never spends
 *   the rate of the mail behind it.
 * Callers are served in the order they asked. Time and sleep are injected so pacing is tested without waiting.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly catchUpMs: number;
  private readonly windowMs: number;
  private readonly capacity: number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When the next send may go by the spacing. */
  private nextAt = -Infinity;
  /** The last `capacity` sends that still count, oldest first: when SES answered, Infinity until then. */
  private readonly log: { sentAt: number; answeredAt: number }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(perSecond: number, options: RateLimiterOptions = {}) {
    if (!(perSecond > 0)) throw new Error(`A send rate must be positive, got ${perSecond}`);
    this.intervalMs = (SECOND_MS * (1 - REFUSALS_ABSORBED)) / perSecond;
    this.catchUpMs = Math.max(this.intervalMs, CATCH_UP_MS);
    // Under one a second, the log holds one send per 1/perSecond s instead.
    this.windowMs = SECOND_MS * Math.max(1, 1 / perSecond);
    this.capacity = Math.max(1, Math.floor(perSecond));
    this.clock = options.clock ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when a send may go, in the order asked. */
  take(): Promise<Permit> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private waitMs(now: number): number {
    const oldest = this.log.length >= this.capacity ? this.log[0] : undefined;
    const answeredAt = oldest && Math.min(oldest.answeredAt, oldest.sentAt + LONGEST_TRIP_MS);
    // Still on its way: look again after an interval (it is answered in a round trip).
    const byWindow =
      answeredAt === undefined ? 0 : answeredAt > now ? this.intervalMs : answeredAt + this.windowMs - now;
    return Math.max(this.nextAt - now, byWindow);
  }

  private async acquire(): Promise<Permit> {
    for (let wait = this.waitMs(this.clock()); wait > 0; wait = this.waitMs(this.clock())) {
      await this.sleep(wait);
    }
    const now = this.clock();
    // Behind by less than the catch-up: keep the schedule (catch up). Further (idle): start again from now.
    this.nextAt = (now - this.nextAt < this.catchUpMs ? this.nextAt : now) + this.intervalMs;
    const entry = { sentAt: now, answeredAt: Infinity };
    this.log.push(entry);
    if (this.log.length > this.capacity) this.log.shift();
    let settled = false;
    return {
      done: () => {
        if (settled) return;
        settled = true;
        entry.answeredAt = this.clock();
      },
      refund: () => {
        if (settled) return;
        settled = true;
        const index = this.log.indexOf(entry);
        if (index >= 0) this.log.splice(index, 1);
      },
    };
  }
}
