import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { chunk } from '../../domain/campaigns/campaign';
import { documentClient, tableName } from './client';

/** BatchGetItem's limit, in keys. */
const MAX_KEYS = 100;

/**
 * Every item of these keys that exists, read 100 keys at a time; keys DynamoDB leaves unprocessed (under
 * load) are asked for again after a growing pause, as its documentation asks, never in a tight loop.
 */
export const batchGet = async (
  keys: readonly Record<string, unknown>[],
  read: {
    readonly projection?: string;
    readonly names?: Record<string, string>;
    /** Strongly consistent reads, as GetItem's ConsistentRead. */
    readonly consistent?: boolean;
  } = {},
): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (const batch of chunk([...keys], MAX_KEYS)) {
    let pending: Record<string, unknown>[] = batch;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const answer = await documentClient.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(read.consistent ? { ConsistentRead: true } : {}),
              ...(read.projection ? { ProjectionExpression: read.projection } : {}),
              ...(read.names ? { ExpressionAttributeNames: read.names } : {}),
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
};
