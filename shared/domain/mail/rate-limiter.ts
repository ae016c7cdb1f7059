import { SECOND_MS } from '../durations';

/**
 * A send's turn. `go` resolves when it may reach SES: await it immediately before the call, after any work
 * of the send's own (its claim), so that work is not counted in the second. `done` when SES answered it
 * (or may have taken it: a lost answer); `refund` when SES refused it, or it never went, as it then did not
 * count against the rate.
 */
export interface Permit {
  go(): Promise<void>;
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

interface Sent {
  readonly sentAt: number;
  /** When SES answered: Infinity until then. */
  answeredAt: number;
}

/**
 * At most `perSecond` sends in any sliding one-second window, as SES counts them on arrival, however
 * long each trip to SES takes:
 * - turns go evenly spaced, a little faster than the rate (REFUSALS_ABSORBED), so calls arrive smoothly
 *   rather than in bursts; turns that went late (a timer that fired late, a busy moment) let the ones
 *   behind them catch up, up to CATCH_UP_MS behind the spacing;
 * - a log of the sends that went holds the bound, checked as each send goes (`go`), not when its turn
 *   came: a send goes only while fewer than `perSecond` sends went and were answered less than a second
 *   before (or are unanswered). Each of those arrived before its answer, and this one arrives after it
 *   goes, so no second at SES ever holds more, whatever the network or a busy moment does to a trip, and
 *   in whatever order turns go (see the unit test's property);
 * - so the time a send spends between its turn and SES (its claim) is not lost from the second: the send
 *   `perSecond` places behind goes the moment the answer is a second old;
 * - a send SES refused did not count: its refund takes it out of the log, so throttled mail never spends
 *   the rate of the mail behind it.
 * Turns are given in the order asked, and sends go in the order they are ready. Time and sleep are
 * injected so pacing is tested without waiting.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly catchUpMs: number;
  private readonly windowMs: number;
  private readonly capacity: number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When the next turn may come by the spacing. */
  private nextAt = -Infinity;
  /** The sends that went and may still share a window with the next, in the order they went. */
  private readonly log: Sent[] = [];
  private turns: Promise<unknown> = Promise.resolve();
  private goes: Promise<unknown> = Promise.resolve();

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

  /** Resolves with a send's turn, in the order asked. */
  take(): Promise<Permit> {
    const turn = this.turns.then(() => this.nextTurn());
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  private async nextTurn(): Promise<Permit> {
    for (let wait = this.nextAt - this.clock(); wait > 0; wait = this.nextAt - this.clock()) {
      await this.sleep(wait);
    }
    const now = this.clock();
    // Behind by less than the catch-up: keep the schedule (catch up). Further (idle): start again from now.
    this.nextAt = (now - this.nextAt < this.catchUpMs ? this.nextAt : now) + this.intervalMs;
    let sent: Sent | undefined;
    let settled: 'done' | 'refunded' | undefined;
    return {
      go: () => {
        if (sent || settled) return Promise.resolve();
        const went = this.goes.then(async () => {
          sent = await this.admit();
          // Settled while it waited to go: as if settled the moment it went.
          if (settled === 'done') sent.answeredAt = sent.sentAt;
          if (settled === 'refunded') this.log.splice(this.log.indexOf(sent), 1);
        });
        this.goes = went.catch(() => undefined);
        return went;
      },
      done: () => {
        if (settled) return;
        settled = 'done';
        if (sent) sent.answeredAt = this.clock();
      },
      refund: () => {
        if (settled) return;
        settled = 'refunded';
        const index = sent ? this.log.indexOf(sent) : -1;
        if (index >= 0) this.log.splice(index, 1);
      },
    };
  }

  /** Until when a send that went counts against the window of a send going later. */
  private countsUntil(sent: Sent): number {
    return Math.min(sent.answeredAt, sent.sentAt + LONGEST_TRIP_MS) + this.windowMs;
  }

  /** How long a send going now must wait for the log to have room for it (0: none). */
  private waitMs(now: number): number {
    const counting = this.log.filter((sent) => this.countsUntil(sent) > now);
    this.log.splice(0, this.log.length, ...counting);
    if (counting.length < this.capacity) return 0;
    // Room comes when all but capacity - 1 of them stop counting. One still on its way stops a second
    // after its answer, later than any answered already; until enough are answered, look again after an
    // interval (it is answered in a round trip).
    const ends = counting
      .map((sent) =>
        sent.answeredAt === Infinity && sent.sentAt + LONGEST_TRIP_MS > now
          ? Infinity
          : this.countsUntil(sent),
      )
      .sort((a, b) => a - b);
    const end = ends[counting.length - this.capacity]!;
    return end === Infinity ? this.intervalMs : end - now;
  }

  private async admit(): Promise<Sent> {
    for (let wait = this.waitMs(this.clock()); wait > 0; wait = this.waitMs(this.clock())) {
      await this.sleep(wait);
    }
    const sent = { sentAt: this.clock(), answeredAt: Infinity };
    this.log.push(sent);
    return sent;
  }
}
