import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SuppressionReason } from '../../domain/delivery/ses-feedback';
import { addressDigest } from '../address-digest';
import { documentClient, tableName } from './client';
import { readTogether } from './read-together';

/**
 * Addresses Convene must not mail, kept by a keyed digest of the address (address-digest.ts) so the lists
 * outlive erasure without holding the address, and nobody without the key can test an address against them:
 * - SUPPRESSED#<hmac> / SUPPRESSION   a permanent bounce or a complaint: no mail of any kind
 * - UNSUBSCRIBED#<hmac> / UNSUBSCRIBE  no campaign mail; confirmations and reminders still go
 */
export const suppressionKeys = {
  suppressed: async (email: string) => ({
    pk: `SUPPRESSED#${await addressDigest(email)}`,
    sk: 'SUPPRESSION',
  }),
  unsubscribed: async (email: string) => ({
    pk: `UNSUBSCRIBED#${await addressDigest(email)}`,
    sk: 'UNSUBSCRIBE',
  }),
};

export type { SuppressionReason };

export const suppressionRepository = {
  /** Why an address may not get mail of this category, if it may not. */
  async blocked(
    email: string,
    category: 'transactional' | 'campaign',
  ): Promise<'suppressed' | 'unsubscribed' | undefined> {
    const keys = [
      await suppressionKeys.suppressed(email),
      ...(category === 'campaign' ? [await suppressionKeys.unsubscribed(email)] : []),
    ];
    // With the other reads asked for at the same moment: a send batch's mails check their addresses together.
    const found = (await Promise.all(keys.map(readTogether))).filter((item) => item !== undefined);
    if (found.some((i) => i.sk === 'SUPPRESSION')) return 'suppressed';
    if (found.some((i) => i.sk === 'UNSUBSCRIBE')) return 'unsubscribed';
    return undefined;
  },

  async suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...(await suppressionKeys.suppressed(email)), reason, at },
      }),
    );
  },

  async unsubscribe(email: string, at: string): Promise<void> {
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...(await suppressionKeys.unsubscribed(email)), at } }),
    );
  },
};
