import { MAX_ENTRIES_PER_PUT, putEntries, type PutOutcome } from '../../adapters/bus';
import { sendPlacesEntry } from '../../adapters/places-queue';
import { publishCount } from '../../adapters/metrics';
import { logger } from '../../adapters/observability';
import { OutboxMetrics } from '../../domain/outbox/outbox-metrics';
import { OUTBOX_SHARDS, parkedIn, unpark, type ParkedEntry } from '../../adapters/outbox';

export interface SweepResult {
  /** Entries the bus took this run (and so left the outbox). */
  readonly announced: number;
  /** Entries the bus refused again; they stay for the next run. */
  readonly stillParked: number;
}

/** How many parked entries one shard gives a run: a run stays well inside its timeout behind an outage. */
const PER_SHARD = 100;

/** Rounds a run makes on one shard while the bus takes everything (a long outage leaves many entries). */
const MAX_ROUNDS = 20;

const sweepShard = async (shard: number): Promise<SweepResult> => {
  let announced = 0;
  let stillParked = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const result = await sweepPage(shard);
    announced += result.announced;
    stillParked += result.stillParked;
    if (result.stillParked > 0 || result.announced < PER_SHARD) break;
  }
  return { announced, stillParked };
};

/** Sends parked entries where each was bound: the places queue for those that name a group, else the bus. */
const deliver = async (batch: readonly ParkedEntry[]): Promise<PutOutcome[]> => {
  const forBus = batch.filter((p) => !p.placesOrder);
  const busOutcomes = forBus.length > 0 ? await putEntries(forBus.map((p) => p.entry)) : [];
  return Promise.all(
    batch.map(async (p): Promise<PutOutcome> => {
      if (!p.placesOrder) return busOutcomes[forBus.indexOf(p)] ?? { failed: 'no result' };
      const refused = await sendPlacesEntry(p.entry, p.placesOrder);
      return refused === undefined ? { eventId: p.placesOrder.deduplicationId } : { failed: refused };
    }),
  );
};

const sweepPage = async (shard: number): Promise<SweepResult> => {
  const parked = await parkedIn(shard, PER_SHARD);
  let announced = 0;
  let stillParked = 0;
  for (let i = 0; i < parked.length; i += MAX_ENTRIES_PER_PUT) {
    const batch: ParkedEntry[] = parked.slice(i, i + MAX_ENTRIES_PER_PUT);
    const outcomes = await deliver(batch);
    for (const [j, outcome] of outcomes.entries()) {
      const entry = batch[j];
      if (!entry) continue;
      if ('eventId' in outcome) {
        // Removed only once the bus has it: a run that dies here announces it again next time, and
        // consumers take a repeated event as they take any duplicate delivery.
        await unpark(entry.key);
        announced += 1;
      } else {
        stillParked += 1;
      }
    }
  }
  return { announced, stillParked };
};

/**
 * Puts on the bus what the bus refused earlier (bus.ts parks it), and on the places queue what it refused
 * (places-queue.ts), oldest first, and forgets each entry once taken. Run on a schedule (every minute on AWS).
 */
export const sweepOutbox = async (): Promise<SweepResult> => {
  const results = await Promise.all(Array.from({ length: OUTBOX_SHARDS }, (_, shard) => sweepShard(shard)));
  const total = results.reduce(
    (sum, r) => ({ announced: sum.announced + r.announced, stillParked: sum.stillParked + r.stillParked }),
    { announced: 0, stillParked: 0 },
  );
  publishCount(OutboxMetrics.announced, total.announced);
  publishCount(OutboxMetrics.stillParked, total.stillParked);
  if (total.stillParked > 0) logger.warn('The bus refused parked events again', { ...total });
  return total;
};
