/**
 * PutEvents failures as AWS gives them, injected into the local bus's wire (the functions' calls), never
 * into the local stack's own in-process puts (SES forwarding, Scheduler targets):
 * - whole: the call fails (HTTP 500 InternalException, which the SDK retries and then raises);
 * - partial: HTTP 200 with FailedEntryCount > 0 and ErrorCode/ErrorMessage on the failed entries (at
 *   least one, each with probability one half), the others accepted. The SDK does not retry these.
 * Faults come from a count (the next N calls) and/or a rate (each call with that probability, from a
 * seeded generator so a drill is reproducible).
 */
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';

export type PutEventsFaultKind = 'whole' | 'partial';

export interface PutEventsFaultSettings {
  /** Each call fails with this probability (0-1); 0 by default. */
  readonly rate?: number;
  /** The next this many calls fail, before the rate applies; 0 by default. */
  readonly count?: number;
  /** Which failures to give: one kind, or both in turn (default). */
  readonly kind?: PutEventsFaultKind | 'mixed';
  /** Seed of the rate's generator (default 1). */
  readonly seed?: number;
}

export interface PutEventsFaultCounts {
  /** Calls failed whole. */
  readonly whole: number;
  /** Calls answered with failed entries. */
  readonly partial: number;
  /** Entries those partial answers failed. */
  readonly failedEntries: number;
}

/** What one call gets: nothing injected, a whole failure, or the entries (by position) to fail. */
export type PutEventsFault =
  { readonly kind: 'whole' } | { readonly kind: 'partial'; readonly failed: ReadonlySet<number> };

/** The per-entry failure AWS reports for an internal error (PutEventsResultEntry). */
export const partialFailure: PutEventsResultEntry = {
  ErrorCode: 'InternalFailure',
  ErrorMessage: 'Internal Service Failure (injected by the local bus)',
};

export const WHOLE_FAILURE = {
  type: 'InternalException',
  message: 'An internal error occurred (injected by the local bus).',
  status: 500,
} as const;

/** mulberry32: a small seeded generator, so a drill's faults are the same on every run. */
const seeded = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const validFaultSettings = (settings: PutEventsFaultSettings): string | undefined => {
  const { rate = 0, count = 0 } = settings;
  if (!(rate >= 0 && rate <= 1)) return `rate must be between 0 and 1, got ${rate}`;
  if (!(Number.isInteger(count) && count >= 0)) return `count must be a whole number from 0, got ${count}`;
  return undefined;
};

export class PutEventsFaults {
  private settings: Required<PutEventsFaultSettings> = { rate: 0, count: 0, kind: 'mixed', seed: 1 };
  private random = seeded(1);
  private turn = 0;
  private counts = { whole: 0, partial: 0, failedEntries: 0 };

  /** Replaces the settings (and restarts the generator); throws on a rate or count AWS-like code cannot use. */
  set(settings: PutEventsFaultSettings): void {
    const problem = validFaultSettings(settings);
    if (problem) throw new Error(problem);
    this.settings = { rate: 0, count: 0, kind: 'mixed', seed: 1, ...settings };
    this.random = seeded(this.settings.seed);
    this.turn = 0;
  }

  clear(): void {
    this.set({});
  }

  current(): Required<PutEventsFaultSettings> {
    return { ...this.settings };
  }

  /** Faults injected since the stack started (or since `resetCounts`). */
  injected(): PutEventsFaultCounts {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = { whole: 0, partial: 0, failedEntries: 0 };
  }

  /** Decides one call's fault, and counts it. */
  next(entries: readonly PutEventsRequestEntry[]): PutEventsFault | undefined {
    const { rate, count } = this.settings;
    const due = count > 0 || (rate > 0 && this.random() < rate);
    if (!due) return undefined;
    if (count > 0) this.settings = { ...this.settings, count: count - 1 };
    const kind = this.kindOfNext();
    if (kind === 'whole') {
      this.counts.whole += 1;
      return { kind };
    }
    const failed = new Set(entries.map((_, i) => i).filter(() => this.random() < 0.5));
    if (failed.size === 0) failed.add(Math.floor(this.random() * entries.length));
    this.counts.partial += 1;
    this.counts.failedEntries += failed.size;
    return { kind, failed };
  }

  private kindOfNext(): PutEventsFaultKind {
    const { kind } = this.settings;
    if (kind !== 'mixed') return kind;
    this.turn += 1;
    return this.turn % 2 === 1 ? 'whole' : 'partial';
  }
}

/** Settings from the environment: LOCAL_PUT_EVENTS_FAULT_RATE (0-1), LOCAL_PUT_EVENTS_FAULT_KIND. */
export const faultSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): PutEventsFaultSettings => {
  const rate = Number(env.LOCAL_PUT_EVENTS_FAULT_RATE ?? 0);
  const kind = env.LOCAL_PUT_EVENTS_FAULT_KIND;
  return {
    rate: Number.isFinite(rate) ? rate : 0,
    ...(kind === 'whole' || kind === 'partial' || kind === 'mixed' ? { kind } : {}),
  };
};
