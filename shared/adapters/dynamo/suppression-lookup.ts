import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { chunk } from '../../domain/campaigns/campaign';
import { documentClient, tableName } from './client';
import { suppressionKeys } from './suppression-repository';

/** DynamoDB's BatchGetItem limit, in keys: two per address (suppressed, unsubscribed). */
const ADDRESSES_PER_BATCH = 50;
const PARALLEL_BATCHES = 8;

type Key = { pk: string; sk: string };

const getAll = async (keys: Key[]): Promise<Key[]> => {
  const found: Key[] = [];
  let pending: Record<string, unknown>[] = keys;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
    const answer = await documentClient.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: 'pk, sk' } },
      }),
    );
    found.push(...((answer.Responses?.[tableName] ?? []) as Key[]));
    pending = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
};

/**
 * Which of many addresses may not get campaign mail, and why (suppressed outranks unsubscribed, as
 * suppressionRepository.blocked says): for stating a campaign's reach before it is sent.
 */
export const campaignBlocks = async (
  emails: readonly string[],
): Promise<Map<string, 'suppressed' | 'unsubscribed'>> => {
  const blocks = new Map<string, 'suppressed' | 'unsubscribed'>();
  const batches = chunk([...new Set(emails)], ADDRESSES_PER_BATCH);
  for (const group of chunk(batches, PARALLEL_BATCHES)) {
    await Promise.all(
      group.map(async (batch) => {
        const byPk = new Map<string, string>();
        const keys = batch.flatMap((email) => {
          const pair = [suppressionKeys.suppressed(email), suppressionKeys.unsubscribed(email)];
          for (const k of pair) byPk.set(k.pk, email);
          return pair;
        });
        for (const item of await getAll(keys)) {
          const email = byPk.get(item.pk);
          if (email === undefined) continue;
          if (item.sk === suppressionKeys.suppressed(email).sk) blocks.set(email, 'suppressed');
          else if (!blocks.has(email)) blocks.set(email, 'unsubscribed');
        }
      }),
    );
  }
  return blocks;
};
