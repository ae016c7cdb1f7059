import { createHash } from 'node:crypto';
import type { Campaign } from './campaign';

/**
 * A campaign's counters are spread over this many items, so settles at the send rate seldom meet on one
 * (DynamoDB refuses a transaction on an item another transaction holds): at 100 a second, about 6 each.
 */
export const COUNT_SHARDS = 16;

/**
 * The counter an ended ledger entry moves. `skipped` (nothing to send when its turn came: the campaign was
 * cancelled, or the delegate erased) is kept apart so a cancelled campaign can say how many it stopped.
 */
export type CampaignCounter = 'sent' | 'suppressed' | 'failed' | 'skipped';
const COUNTERS: readonly CampaignCounter[] = ['sent', 'suppressed', 'failed', 'skipped'];

/**
 * The shard a recipient's entry moves: the same one every time, so a later correction (failed to sent, a
 * retry of a failed mail) meets the counts it moved before; recipients spread evenly over the shards.
 */
export const countShardOf = (registrationId: string): number =>
  createHash('sha256').update(registrationId).digest().readUInt32BE(0) % COUNT_SHARDS;

/** The campaign with its shards' counts added to its own (where campaigns from before the shards kept them). */
export const withShardCounts = (
  campaign: Campaign,
  shards: readonly Partial<Record<CampaignCounter, unknown>>[],
): Campaign => {
  const totals = Object.fromEntries(COUNTERS.map((c) => [c, campaign[c] ?? 0])) as Record<
    CampaignCounter,
    number
  >;
  for (const shard of shards) for (const c of COUNTERS) totals[c] += Number(shard[c] ?? 0);
  return { ...campaign, ...totals };
};
