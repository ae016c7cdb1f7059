import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';

/** The key of an event's comms-plan calendar feed, and when and by whom it was made. */
export interface PlanFeedKey {
  readonly key: string;
  readonly createdAt: string;
  readonly createdBy?: string;
}

/**
 * One item per event, in a partition of its own (reading the event never reads it):
 * - EVENT#<eventId>#PLAN / FEED   the current key; a new key replaces it, so the old one stops working
 */
const itemKey = (eventId: string) => ({ pk: `EVENT#${eventId}#PLAN`, sk: 'FEED' });

export const planFeedKeys = {
  async find(eventId: string): Promise<PlanFeedKey | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: itemKey(eventId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      key: String(Item.key),
      createdAt: String(Item.createdAt),
      ...(typeof Item.createdBy === 'string' ? { createdBy: Item.createdBy } : {}),
    };
  },

  /** Replaces the event's key (or sets its first): from now on only this one opens the feed. */
  async replace(eventId: string, feedKey: PlanFeedKey): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...itemKey(eventId), entity: 'PlanFeedKey', ...feedKey },
      }),
    );
  },
};
