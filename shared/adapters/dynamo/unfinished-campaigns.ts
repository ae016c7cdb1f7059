import type { UnfinishedCampaign } from '../../domain/campaigns/start-sweep';
import { campaignKeys } from './campaign-keys';
import { queryPages } from './query-pages';

/**
 * The campaigns whose fan-out has not finished and whose start time lies between the two instants (ISO,
 * inclusive), oldest first: one query of gsi1's sparse partition (campaign-keys.ts), never a scan. Its own
 * module so the start sweeper's code reaches no other table call (its grant is Query alone).
 */
export const unfinishedCampaignsStartingBetween = async (
  from: string,
  to: string,
): Promise<UnfinishedCampaign[]> => {
  const found: UnfinishedCampaign[] = [];
  for await (const items of queryPages({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': campaignKeys.unfinishedIndex, ':from': from, ':to': `${to}~` },
    ProjectionExpression: 'campaignId, eventId, startAt, startedAt',
  })) {
    for (const item of items) {
      found.push({
        campaignId: String(item.campaignId),
        eventId: String(item.eventId),
        startAt: String(item.startAt),
        ...(typeof item.startedAt === 'string' ? { startedAt: item.startedAt } : {}),
      });
    }
  }
  return found;
};
