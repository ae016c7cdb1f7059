import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { sendQuotaWindow, type Campaign, type CampaignContent } from '../../domain/campaigns/campaign';
import { campaignKeys } from './campaign-keys';
import { countShards, countedCampaigns } from './campaign-counts';
import { withShardCounts } from '../../domain/campaigns/count-shards';
import { batchGet } from './batch-get';
import { documentClient, tableName } from './client';
import { transact } from './transact';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';
import { counterChanges } from '../../domain/limits/windows';
import { counterSteps, type WindowFull } from './limit-counters';

/**
 * The quota counters' changes when a campaign's reservation at its start goes from `from` to `to` mails;
 * growing needs the quota, giving back does not.
 */
const quotaSteps = (startAt: string, from: number, to: number, dailyQuota?: number) => {
  if (to > from && dailyQuota === undefined) throw new Error('A reservation grows only against the quota');
  const at = new Date(startAt).getTime();
  return counterSteps(
    counterChanges([sendQuotaWindow(dailyQuota)], [{ at, amount: from }], [{ at, amount: to }]),
  );
};

const isQuota = (meaning: string): meaning is WindowFull => meaning.startsWith('window_full:');

/** Audience chunks are only read while the campaign fans out; they go a month after. */
const AUDIENCE_KEPT_SECONDS = 30 * 86_400;

/**
 * What guards a new campaign against being sent twice: the request's Idempotency-Key with the answer to
 * give a retry, and the fingerprint of its content and audience (`since`: a send of the same content
 * after this instant refuses it; absent when the organiser confirmed the duplicate).
 */
export interface CampaignGuards {
  readonly idempotency?: { readonly key: string; readonly request: string; readonly answer: unknown };
  readonly sameContent: { readonly fingerprint: string; readonly since?: string };
  /** Epoch seconds after which the guards' items may go. */
  readonly expiresAt: number;
}

export interface KeyedCampaign {
  readonly campaignId: string;
  /** The fingerprint of the request first sent with the key. */
  readonly request: string;
  readonly answer: unknown;
}

const guardKeys = (campaign: Campaign, guards: CampaignGuards) => [
  campaignKeys.listing(campaign.eventId, campaign.createdAt, campaign.campaignId),
  ...(guards.idempotency ? [campaignKeys.idempotency(campaign.eventId, guards.idempotency.key)] : []),
  campaignKeys.sameContent(campaign.eventId, guards.sameContent.fingerprint),
];

const strip = <T>(item: Record<string, unknown>): T => withoutKeys<T>(item);

const conditional = async (work: () => Promise<unknown>): Promise<boolean> => {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

export const campaignRepository = {
  /**
   * The campaign, its content, its quota entry, its place in the event's list and its guards, together or
   * not at all. Refused when its Idempotency-Key was used already (`key_used`) or the same content went to
   * the same audience since `guards.sameContent.since` (`duplicate`).
   */
  async create(
    campaign: Campaign,
    content: CampaignContent,
    guards: CampaignGuards,
    dailyQuota: number,
  ): Promise<{ ok: true } | { ok: false; failed: ('key_used' | 'duplicate' | 'over_quota')[] }> {
    const { idempotency, sameContent, expiresAt } = guards;
    const outcome = await transact<'exists' | 'key_used' | 'duplicate' | WindowFull>([
      ...quotaSteps(campaign.startAt, 0, campaign.quotaReserved ?? 0, dailyQuota),
      {
        meaning: 'exists',
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...campaignKeys.item(campaign.campaignId),
              ...campaignKeys.unfinished(campaign.startAt, campaign.campaignId),
              entity: 'Campaign',
              ...campaign,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...campaignKeys.content(campaign.campaignId),
              entity: 'CampaignContent',
              eventId: campaign.eventId,
              ...content,
            },
          },
        },
      },
      {
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...campaignKeys.quota(campaign.campaignId),
              entity: 'CampaignQuota',
              gsi1pk: campaignKeys.quotaIndex,
              gsi1sk: campaignKeys.quotaSort(campaign.startAt, campaign.campaignId),
              recipients: campaign.recipients,
            },
          },
        },
      },
      {
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...campaignKeys.listing(campaign.eventId, campaign.createdAt, campaign.campaignId),
              entity: 'CampaignListing',
              campaignId: campaign.campaignId,
            },
          },
        },
      },
      ...(idempotency
        ? [
            {
              meaning: 'key_used' as const,
              write: {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...campaignKeys.idempotency(campaign.eventId, idempotency.key),
                    entity: 'CampaignIdempotencyKey',
                    campaignId: campaign.campaignId,
                    request: idempotency.request,
                    answer: idempotency.answer,
                    expiresAt,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
          ]
        : []),
      {
        meaning: 'duplicate',
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...campaignKeys.sameContent(campaign.eventId, sameContent.fingerprint),
              entity: 'CampaignSentContent',
              campaignId: campaign.campaignId,
              at: campaign.createdAt,
              expiresAt,
            },
            ...(sameContent.since === undefined
              ? {}
              : {
                  ConditionExpression: 'attribute_not_exists(pk) OR #at <= :since',
                  ExpressionAttributeNames: { '#at': 'at' },
                  ExpressionAttributeValues: { ':since': sameContent.since },
                }),
          },
        },
      },
    ]);
    if (outcome.ok) return outcome;
    if (outcome.failed.includes('exists')) throw new Error(`Campaign ${campaign.campaignId} exists already`);
    const failed = new Set(
      outcome.failed.flatMap((f) => (f === 'exists' ? [] : [isQuota(f) ? ('over_quota' as const) : f])),
    );
    return { ok: false, failed: [...failed] };
  },

  /** The campaign an Idempotency-Key created, while the key is kept. */
  async findByKey(eventId: string, key: string): Promise<KeyedCampaign | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: campaignKeys.idempotency(eventId, key),
        ConsistentRead: true,
      }),
    );
    return Item
      ? { campaignId: String(Item.campaignId), request: String(Item.request), answer: Item.answer }
      : undefined;
  },

  /** The event's campaigns, newest first. */
  async ofEvent(eventId: string): Promise<Campaign[]> {
    const ids: string[] = [];
    for await (const items of queryPages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': campaignKeys.ofEvent(eventId) },
      ProjectionExpression: 'campaignId',
      ScanIndexForward: false,
    })) {
      for (const item of items) ids.push(String(item.campaignId));
    }
    const found = new Map<string, Campaign>();
    const items = await batchGet(ids.map((id) => campaignKeys.item(id)));
    for (const c of await countedCampaigns(items.map((item) => strip<Campaign>(item)))) {
      found.set(c.campaignId, c);
    }
    // A campaign taken back after its listing was read has no item any more: it is left out.
    return ids.flatMap((id) => {
      const c = found.get(id);
      return c ? [c] : [];
    });
  },

  async find(campaignId: string): Promise<Campaign | undefined> {
    const [{ Item }, shards] = await Promise.all([
      documentClient.send(
        new GetCommand({ TableName: tableName, Key: campaignKeys.item(campaignId), ConsistentRead: true }),
      ),
      countShards(campaignId),
    ]);
    return Item ? withShardCounts(strip<Campaign>(Item), shards) : undefined;
  },

  /** The templates, which never change once written. */
  async content(campaignId: string): Promise<(CampaignContent & { eventId: string }) | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: campaignKeys.content(campaignId) }),
    );
    return Item ? strip<CampaignContent & { eventId: string }>(Item) : undefined;
  },

  /** The campaign's status as it stands now, read on every send so a cancel stops what is not sent. */
  async statusOf(campaignId: string): Promise<Campaign['status'] | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: campaignKeys.item(campaignId),
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
        ConsistentRead: true,
      }),
    );
    return Item?.status as Campaign['status'] | undefined;
  },

  /** Recipients of the campaigns starting between the two instants (ISO), cancelled-before-start ones aside. */
  async recipientsStartingBetween(from: string, to: string): Promise<number> {
    let total = 0;
    for await (const items of queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': campaignKeys.quotaIndex, ':from': from, ':to': `${to}~` },
      ProjectionExpression: 'recipients',
    })) {
      for (const item of items) total += Number(item.recipients ?? 0);
    }
    return total;
  },

  /** Stores one chunk of an audience list (ids only: nothing to chase on erasure). */
  async saveAudienceChunk(
    campaignId: string,
    audienceId: string,
    index: number,
    registrationIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...campaignKeys.audience(campaignId, audienceId, index),
          entity: 'CampaignAudience',
          registrationIds,
          expiresAt: Math.floor(at.getTime() / 1000) + AUDIENCE_KEPT_SECONDS,
        },
      }),
    );
  },

  async audienceChunk(campaignId: string, audienceId: string, index: number): Promise<string[]> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: campaignKeys.audience(campaignId, audienceId, index),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new Error(`Campaign ${campaignId} has no audience chunk ${index} of ${audienceId}`);
    return Item.registrationIds as string[];
  },

  /**
   * Fixes the audience the campaign sends to, once: the first fan-out to get here wins, a later one (a
   * retry, a duplicate event) finds it fixed (`not_started`: fixed already, or cancelled). Its quota
   * reservation becomes the audience's size in the same transaction; `over_quota` when the counters have
   * no room for the difference, and then nothing changed.
   */
  async start(
    campaign: Campaign,
    fixed: { audienceId: string; chunks: number; recipients: number; at: string },
    dailyQuota: number,
  ): Promise<'started' | 'not_started' | 'over_quota'> {
    const reserved = campaign.quotaReserved;
    const outcome = await transact<'moved' | WindowFull>([
      {
        meaning: 'moved',
        write: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.item(campaign.campaignId),
            UpdateExpression:
              'SET #status = :sending, audienceId = :audienceId, audienceChunks = :chunks, ' +
              'recipients = :recipients, startedAt = :at, queuedChunks = :zero' +
              (reserved === undefined ? '' : ', quotaReserved = :recipients'),
            ConditionExpression: '#status IN (:scheduled, :sending) AND attribute_not_exists(audienceId)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':scheduled': 'scheduled',
              ':audienceId': fixed.audienceId,
              ':chunks': fixed.chunks,
              ':recipients': fixed.recipients,
              ':at': fixed.at,
              ':zero': 0,
            },
          },
        },
      },
      {
        write: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.quota(campaign.campaignId),
            UpdateExpression: 'SET recipients = :recipients',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':recipients': fixed.recipients },
          },
        },
      },
      // Campaigns from before the counters hold nothing in them, and take nothing now.
      ...(reserved === undefined ? [] : quotaSteps(campaign.startAt, reserved, fixed.recipients, dailyQuota)),
    ]);
    if (outcome.ok) return 'started';
    return outcome.failed.includes('moved') ? 'not_started' : 'over_quota';
  },

  /**
   * Refuses a due campaign that would pass the quota: nothing is sent, its reservation is given back, and
   * the reason stays on it. False when it started or was cancelled meanwhile.
   */
  async refuse(campaign: Campaign, reason: string, at: string): Promise<boolean> {
    const outcome = await transact<'moved' | WindowFull>([
      {
        meaning: 'moved',
        write: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.item(campaign.campaignId),
            UpdateExpression:
              'SET #status = :refused, refusedReason = :reason, refusedAt = :at, recipients = :zero, ' +
              'quotaReserved = :zero REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :was AND attribute_not_exists(audienceId)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':refused': 'refused',
              ':reason': reason,
              ':was': campaign.status,
              ':at': at,
              ':zero': 0,
            },
          },
        },
      },
      { write: { Delete: { TableName: tableName, Key: campaignKeys.quota(campaign.campaignId) } } },
      ...quotaSteps(campaign.startAt, campaign.quotaReserved ?? 0, 0),
    ]);
    return outcome.ok;
  },

  /** Notes that the first `count` audience chunks are recorded and queued; never moves backwards. */
  async markQueued(campaignId: string, count: number): Promise<void> {
    await conditional(() =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: campaignKeys.item(campaignId),
          UpdateExpression: 'SET queuedChunks = :n',
          ConditionExpression: 'attribute_exists(pk) AND queuedChunks < :n',
          ExpressionAttributeValues: { ':n': count },
        }),
      ),
    );
  },

  /**
   * Notes that the fan-out has recorded and queued every audience chunk: the campaign leaves the index of
   * unfinished ones, where the start sweeper looks (README, "Bounds, and no half-written requests").
   */
  async fanOutFinished(campaignId: string): Promise<void> {
    await conditional(() =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: campaignKeys.item(campaignId),
          UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(gsi1pk)',
        }),
      ),
    );
  },

  /**
   * Cancels a campaign still where the caller read it. Before it started, nobody is a recipient and its
   * quota entry goes; once started, entries not yet sent find it cancelled when their turn comes.
   */
  async cancel(campaign: Campaign, at: string): Promise<boolean> {
    if (campaign.audienceId !== undefined) {
      return conditional(() =>
        documentClient.send(
          new UpdateCommand({
            TableName: tableName,
            Key: campaignKeys.item(campaign.campaignId),
            UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at',
            ConditionExpression: '#status = :sending AND audienceId = :audienceId',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':sending': 'sending',
              ':at': at,
              ':audienceId': campaign.audienceId,
            },
          }),
        ),
      );
    }
    const outcome = await transact<'moved' | WindowFull>([
      {
        meaning: 'moved',
        write: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.item(campaign.campaignId),
            UpdateExpression:
              'SET #status = :cancelled, cancelledAt = :at, recipients = :zero, quotaReserved = :zero ' +
              'REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :was AND attribute_not_exists(audienceId)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':was': campaign.status,
              ':at': at,
              ':zero': 0,
            },
          },
        },
      },
      { write: { Delete: { TableName: tableName, Key: campaignKeys.quota(campaign.campaignId) } } },
      ...quotaSteps(campaign.startAt, campaign.quotaReserved ?? 0, 0),
    ]);
    return outcome.ok;
  },

  /**
   * Takes back a campaign whose start could not be arranged (the bus or scheduler refused), unless it
   * started meanwhile. True when it is gone.
   */
  async discard(campaign: Campaign, guards: CampaignGuards): Promise<boolean> {
    const { campaignId } = campaign;
    const outcome = await transact<'started' | WindowFull>([
      {
        meaning: 'started',
        write: {
          Delete: {
            TableName: tableName,
            Key: campaignKeys.item(campaignId),
            ConditionExpression: 'attribute_not_exists(audienceId)',
          },
        },
      },
      { write: { Delete: { TableName: tableName, Key: campaignKeys.content(campaignId) } } },
      { write: { Delete: { TableName: tableName, Key: campaignKeys.quota(campaignId) } } },
      ...guardKeys(campaign, guards).map((Key) => ({ write: { Delete: { TableName: tableName, Key } } })),
      ...quotaSteps(campaign.startAt, campaign.quotaReserved ?? 0, 0),
    ]);
    return outcome.ok;
  },
};
