import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { nowIso } from '../clock';
import { documentClient as client, tableName } from './dynamo/client';

/**
 * The outbox: bus entries whose PutEvents failed (and places-queue entries whose SendMessage failed),
 * kept in the table until the sweeper puts them
 * (README, "Nothing lost between a write and its event"). Items live under a few `OUTBOX#<n>`
 * partitions (key pattern in table-design.ts), so a bus outage during a burst spreads its writes and the
 * sweeper reads every parked entry with a handful of queries. The bus and places-queue grants carry the
 * one table write parking needs (infra/constructs/outbox-grant.ts), whatever table access the function
 * has otherwise.
 */
export const OUTBOX_SHARDS = 8;
const PREFIX = 'OUTBOX#';

export interface BusEntry {
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
}

/** Where a parked entry was bound for when it is not the bus: its event's group on the places queue. */
export interface PlacesOrder {
  /** The message group: the event whose places the entry asks about. */
  readonly group: string;
  /** The same request sent twice within SQS's five minutes is delivered once. */
  readonly deduplicationId: string;
}

export interface ParkedEntry {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly entry: BusEntry;
  /** Set for an entry the places queue refused (shared/adapters/places-queue.ts); absent for the bus. */
  readonly placesOrder?: PlacesOrder;
  readonly parkedAt: string;
  readonly reason: string;
}

/** Why a call was refused, as a parked entry keeps it: the error's name and message. */
export const refusalOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export const outboxPartition = (shard: number): string => `${PREFIX}${shard}`;

/**
 * Keeps an entry the bus (or, with `placesOrder`, the places queue) refused; throws only if the table
 * refuses too. Returns the outbox id.
 */
export const park = async (entry: BusEntry, reason: string, placesOrder?: PlacesOrder): Promise<string> => {
  const id = randomUUID();
  const parkedAt = nowIso();
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: outboxPartition(Number.parseInt(id.slice(0, 8), 16) % OUTBOX_SHARDS),
        sk: `${parkedAt}#${id}`,
        type: 'outbox',
        source: entry.Source,
        detailType: entry.DetailType,
        detail: entry.Detail,
        parkedAt,
        reason: reason.slice(0, 500),
        ...(placesOrder
          ? { placesGroup: placesOrder.group, deduplicationId: placesOrder.deduplicationId }
          : {}),
      },
    }),
  );
  return `outbox:${id}`;
};

/** The oldest parked entries of one shard. */
export const parkedIn = async (shard: number, limit: number): Promise<ParkedEntry[]> => {
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': outboxPartition(shard) },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => ({
    key: { pk: String(item.pk), sk: String(item.sk) },
    entry: { Source: String(item.source), DetailType: String(item.detailType), Detail: String(item.detail) },
    parkedAt: String(item.parkedAt),
    reason: String(item.reason ?? ''),
    ...(typeof item.placesGroup === 'string'
      ? { placesOrder: { group: item.placesGroup, deduplicationId: String(item.deduplicationId) } }
      : {}),
  }));
};

/** Forgets an entry once the bus has accepted it. */
export const unpark = async (key: ParkedEntry['key']): Promise<void> => {
  await client.send(new DeleteCommand({ TableName: tableName, Key: key }));
};
