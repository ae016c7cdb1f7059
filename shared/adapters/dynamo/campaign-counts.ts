import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../../domain/campaigns/campaign';
import {
  COUNT_SHARDS,
  countShardOf,
  withShardCounts,
  type CampaignCounter,
} from '../../domain/campaigns/count-shards';
import { batchGet } from './batch-get';
import { documentClient, tableName } from './client';
import type { Step } from './transact';

/**
 * A campaign's counters, in COUNT_SHARDS items beside it: CAMPAIGN#<id> / COUNTS#<nn>. Every settle
 * moves one counter in the same transaction as its ledger entry. On the campaign's own item, settles at
 * the send rate would meet there (a transaction is refused on an item another holds) and each would also
 * rewrite the campaign's index entry while its fan-out runs; a shard is in no index.
 */
const COUNTS = 'COUNTS#';

const shardKey = (campaignId: string, shard: number) => ({
  pk: `CAMPAIGN#${campaignId}`,
  sk: `${COUNTS}${String(shard).padStart(2, '0')}`,
});

/** The step that moves a recipient's counters, to go in the transaction that ends its ledger entry. */
export const moveCounts = (
  campaignId: string,
  registrationId: string,
  moves: Partial<Record<CampaignCounter, number>>,
): Step<never> => {
  const counters = Object.entries(moves);
  return {
    write: {
      Update: {
        TableName: tableName,
        Key: shardKey(campaignId, countShardOf(registrationId)),
        UpdateExpression: `ADD ${counters.map((_, i) => `#c${i} :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(counters.map(([name], i) => [`#c${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(counters.map(([, by], i) => [`:v${i}`, by])),
      },
    },
  };
};

/** A campaign's count shards as they stand (one consistent query). */
export const countShards = async (campaignId: string): Promise<Record<string, unknown>[]> => {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :counts)',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${campaignId}`, ':counts': COUNTS },
      ConsistentRead: true,
    }),
  );
  return Items;
};

/** Campaigns with their counts, every shard of them read in batches. */
export const countedCampaigns = async (campaigns: readonly Campaign[]): Promise<Campaign[]> => {
  const shards = await batchGet(
    campaigns.flatMap((c) => Array.from({ length: COUNT_SHARDS }, (_, i) => shardKey(c.campaignId, i))),
  );
  const byCampaign = new Map<string, Record<string, unknown>[]>();
  for (const shard of shards) {
    const pk = String(shard.pk);
    byCampaign.set(pk, [...(byCampaign.get(pk) ?? []), shard]);
  }
  return campaigns.map((c) => withShardCounts(c, byCampaign.get(`CAMPAIGN#${c.campaignId}`) ?? []));
};
