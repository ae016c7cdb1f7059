import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../../domain/campaigns/campaign';
import { countShardOf, withShardCounts, type CampaignCounter } from '../../domain/campaigns/count-shards';
import { campaignKeys } from './campaign-keys';
import { documentClient, tableName } from './client';
import type { Step } from './transact';

/**
 * A campaign's counters, in COUNT_SHARDS (count-shards.ts) items beside it (campaignKeys.counts). Every settle
 * moves one counter in the same transaction as its ledger entry. On the campaign's own item, settles at
 * the send rate would meet there (a transaction is refused on an item another holds) and each would also
 * rewrite the campaign's index entry while its fan-out runs; a shard is in no index.
 */

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
        Key: campaignKeys.counts(campaignId, countShardOf(registrationId)),
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
      ExpressionAttributeValues: {
        ':pk': campaignKeys.item(campaignId).pk,
        ':counts': campaignKeys.countsPrefix,
      },
      ConsistentRead: true,
    }),
  );
  return Items;
};

/** Campaigns with their counts: one query of each one's shards, side by side (no charge for shards not there). */
export const countedCampaigns = (campaigns: readonly Campaign[]): Promise<Campaign[]> =>
  Promise.all(campaigns.map(async (c) => withShardCounts(c, await countShards(c.campaignId))));
