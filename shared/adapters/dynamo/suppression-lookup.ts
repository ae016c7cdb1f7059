import { chunk } from '../../domain/campaigns/campaign';
import { batchGet } from './batch-get';
import { suppressionKeys } from './suppression-repository';

/** DynamoDB's BatchGetItem limit, in keys: two per address (suppressed, unsubscribed). */
const ADDRESSES_PER_BATCH = 50;
const PARALLEL_BATCHES = 8;

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
        const pairs = await Promise.all(
          batch.map(async (email) => {
            const pair = [await suppressionKeys.suppressed(email), await suppressionKeys.unsubscribed(email)];
            for (const k of pair) byPk.set(k.pk, email);
            return pair;
          }),
        );
        for (const item of (await batchGet(pairs.flat(), { projection: 'pk, sk' })) as {
          pk: string;
          sk: string;
        }[]) {
          const email = byPk.get(item.pk);
          if (email === undefined) continue;
          if (item.sk === 'SUPPRESSION') blocks.set(email, 'suppressed');
          else if (!blocks.has(email)) blocks.set(email, 'unsubscribed');
        }
      }),
    );
  }
  return blocks;
};
