import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SocialPost, Slot } from '../../domain/social/post';
import { documentClient, tableName } from './client';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';

/**
 * Social posts:
 * - POST#<postId> / POST                the post (gsi1: EVENT#<eventId>#POSTS / <createdAt>#<postId>)
 * - while scheduled or published, gsi2: SOCIAL_SLOTS / <publishAt>#<postId>, for the window limits
 */
const key = (postId: string) => ({ pk: `POST#${postId}`, sk: 'POST' });
const SLOTS = 'SOCIAL_SLOTS';

const itemOf = (p: SocialPost): Record<string, unknown> => ({
  ...key(p.postId),
  entity: 'SocialPost',
  gsi1pk: `EVENT#${p.eventId}#POSTS`,
  gsi1sk: `${p.createdAt}#${p.postId}`,
  ...(p.status === 'scheduled' || p.status === 'published'
    ? { gsi2pk: SLOTS, gsi2sk: `${p.publishAt}#${p.postId}`, tweets: p.parts.length }
    : {}),
  ...p,
});

const strip = (item: Record<string, unknown>): SocialPost => {
  const { tweets: _t, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as unknown as SocialPost;
};

export class StalePostError extends Error {
  constructor(postId: string) {
    super(`Social post ${postId} changed meanwhile`);
    this.name = 'StalePostError';
  }
}

export const socialPostRepository = {
  async create(post: SocialPost): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: itemOf(post),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async find(postId: string): Promise<SocialPost | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key(postId), ConsistentRead: true }),
    );
    return Item ? strip(Item) : undefined;
  },

  /** Writes the post as a whole if it is still at the version read (`post.version - 1`). */
  async replace(post: SocialPost): Promise<void> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: itemOf(post),
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': post.version - 1 },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StalePostError(post.postId);
      throw error;
    }
  },

  /**
   * Claims part `index` for posting: only one delivery may post a part at a time (EventBridge may deliver
   * an event twice, even at once). A claim older than `staleBefore` belonged to a delivery that died.
   */
  async claimPart(postId: string, index: number, at: string, staleBefore: string): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(postId),
          UpdateExpression: 'SET postingPart = :index, postingClaimedAt = :at',
          ConditionExpression:
            'size(tweetIds) = :index AND (attribute_not_exists(postingPart) OR postingPart <> :index OR postingClaimedAt < :stale)',
          ExpressionAttributeValues: { ':index': index, ':at': at, ':stale': staleBefore },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /** Gives a claimed part back after its request failed in a way this delivery saw, so a retry can post it. */
  async releasePart(postId: string, index: number): Promise<void> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(postId),
          UpdateExpression: 'REMOVE postingPart, postingClaimedAt',
          ConditionExpression: 'postingPart = :index',
          ExpressionAttributeValues: { ':index': index },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  /**
   * Records the tweet id of part `index` before the next part goes; only when exactly `index` parts are
   * recorded, so a part is never recorded twice or out of order.
   */
  async recordPart(postId: string, index: number, tweetId: string, at: string): Promise<void> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(postId),
          UpdateExpression: 'SET tweetIds = list_append(tweetIds, :id), updatedAt = :at',
          ConditionExpression: 'size(tweetIds) = :index',
          ExpressionAttributeValues: { ':id': [tweetId], ':index': index, ':at': at },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StalePostError(postId);
      throw error;
    }
  },

  async listByEvent(eventId: string): Promise<SocialPost[]> {
    const posts: SocialPost[] = [];
    for await (const items of queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `EVENT#${eventId}#POSTS` },
    })) {
      posts.push(...items.map(strip));
    }
    return posts;
  },

  /** Scheduled and published posts going between the two instants, with their tweet counts. */
  async slotsBetween(from: Date, to: Date): Promise<Slot[]> {
    const slots: Slot[] = [];
    for await (const items of queryPages({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': SLOTS, ':from': from.toISOString(), ':to': `${to.toISOString()}~` },
      ProjectionExpression: 'postId, publishAt, tweets',
    })) {
      for (const i of items) {
        slots.push({
          postId: String(i.postId),
          at: new Date(String(i.publishAt)).getTime(),
          tweets: Number(i.tweets ?? 1),
        });
      }
    }
    return slots;
  },
};
