import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { counterChanges, type CounterWindow, type Reservation } from '../../domain/limits/windows';
import type { SocialPost, Slot } from '../../domain/social/post';
import { socialWindows } from '../social-limits';
import { documentClient, tableName } from './client';
import { counterSteps, type WindowFull } from './limit-counters';
import { transact } from './transact';
import { withoutKeys } from './item';
import { socialPostKeys } from './social-post-keys';
import { queryPages } from './query-pages';

/**
 * Social posts:
 * - POST#<postId> / POST                the post (gsi1: EVENT#<eventId>#POSTS / <createdAt>#<postId>)
 * - while scheduled or published, gsi2: SOCIAL_SLOTS / <publishAt>#<postId>, for the window limits
 * While scheduled or published a post holds its tweets at its time in X's window counters
 * (`heldAt`, `heldTweets` say what it holds), changed in the same transaction as the post.
 */
const key = socialPostKeys.item;
const SLOTS = 'SOCIAL_SLOTS';

/** What a post in this state holds in the window counters. */
const holdOf = (p: SocialPost): Reservation | undefined =>
  p.status === 'scheduled' || p.status === 'published'
    ? { at: new Date(p.publishAt).getTime(), amount: p.parts.length }
    : undefined;

/** What a stored item holds (none for posts from before the counters). */
const heldBy = (item: Record<string, unknown> | undefined): Reservation | undefined =>
  item?.heldAt === undefined
    ? undefined
    : { at: new Date(String(item.heldAt)).getTime(), amount: Number(item.heldTweets ?? 0) };

/** A post would pass X's limit in `window`: nothing was written. */
export class WindowFullError extends Error {
  constructor(
    readonly window: CounterWindow,
    readonly at: Date,
    readonly tweets: number,
  ) {
    super(`No room for ${tweets} more posts in the ${window.label} around ${at.toISOString()}`);
    this.name = 'WindowFullError';
  }
}

const windowSteps = (from: Reservation | undefined, to: Reservation | undefined) =>
  counterSteps(counterChanges(socialWindows, from ? [from] : [], to ? [to] : []));

/** Runs a post's write with its counter changes; a full window or a stale version says so. */
const writeHolding = async (
  post: SocialPost,
  write: Parameters<typeof transact>[0][number]['write'],
  from: Reservation | undefined,
): Promise<void> => {
  const outcome = await transact<'stale' | WindowFull>([
    { meaning: 'stale', write },
    ...windowSteps(from, holdOf(post)),
  ]);
  if (outcome.ok) return;
  if (outcome.failed.includes('stale')) throw new StalePostError(post.postId);
  const full = socialWindows.find((w) => outcome.failed.includes(`window_full:${w.name}`))!;
  throw new WindowFullError(full, new Date(post.publishAt), post.parts.length);
};

const itemOf = (p: SocialPost): Record<string, unknown> => ({
  ...key(p.postId),
  entity: 'SocialPost',
  gsi1pk: `EVENT#${p.eventId}#POSTS`,
  gsi1sk: `${p.createdAt}#${p.postId}`,
  ...(p.status === 'scheduled' || p.status === 'published'
    ? { gsi2pk: SLOTS, gsi2sk: `${p.publishAt}#${p.postId}`, tweets: p.parts.length }
    : {}),
  ...(holdOf(p) ? { heldAt: p.publishAt, heldTweets: p.parts.length } : {}),
  ...p,
});

const strip = (item: Record<string, unknown>): SocialPost => {
  const { tweets: _t, heldAt: _a, heldTweets: _n, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as unknown as SocialPost;
};

export class StalePostError extends Error {
  constructor(postId: string) {
    super(`Social post ${postId} changed meanwhile`);
    this.name = 'StalePostError';
  }
}

export const socialPostRepository = {
  /** The post with its tweets held in X's windows, or nothing and a WindowFullError. */
  async create(post: SocialPost): Promise<void> {
    await writeHolding(
      post,
      { Put: { TableName: tableName, Item: itemOf(post), ConditionExpression: 'attribute_not_exists(pk)' } },
      undefined,
    );
  },

  async find(postId: string): Promise<SocialPost | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key(postId), ConsistentRead: true }),
    );
    return Item ? strip(Item) : undefined;
  },

  /**
   * Writes the post as a whole if it is still at the version read (`post.version - 1`), moving what it
   * holds in X's windows with it: a WindowFullError (and nothing written) when its new time has no room.
   */
  async replace(post: SocialPost): Promise<void> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key(post.postId), ConsistentRead: true }),
    );
    if (Item?.version !== post.version - 1) throw new StalePostError(post.postId);
    await writeHolding(
      post,
      {
        Put: {
          TableName: tableName,
          Item: itemOf(post),
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': post.version - 1 },
        },
      },
      heldBy(Item),
    );
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
