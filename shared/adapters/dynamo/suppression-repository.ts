import { createHash } from 'node:crypto';
import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SuppressionReason } from '../../domain/delivery/ses-feedback';
import { normaliseEmail } from '../../domain/registration';
import { documentClient, tableName } from './client';

/**
 * Addresses Convene must not mail, kept by a hash of the address so the lists outlive erasure
 * without holding the address itself:
 * - SUPPRESSED#<sha256> / SUPPRESSION   a permanent bounce or a complaint: no mail of any kind
 * - UNSUBSCRIBED#<sha256> / UNSUBSCRIBE  no campaign mail; confirmations and reminders still go
 */
const hash = (email: string): string => createHash('sha256').update(normaliseEmail(email)).digest('hex');

export const suppressionKeys = {
  suppressed: (email: string) => ({ pk: `SUPPRESSED#${hash(email)}`, sk: 'SUPPRESSION' }),
  unsubscribed: (email: string) => ({ pk: `UNSUBSCRIBED#${hash(email)}`, sk: 'UNSUBSCRIBE' }),
};

export type { SuppressionReason };

export const suppressionRepository = {
  /** Why an address may not get mail of this category, if it may not. */
  async blocked(
    email: string,
    category: 'transactional' | 'campaign',
  ): Promise<'suppressed' | 'unsubscribed' | undefined> {
    const keys = [
      suppressionKeys.suppressed(email),
      ...(category === 'campaign' ? [suppressionKeys.unsubscribed(email)] : []),
    ];
    const { Responses = {} } = await documentClient.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    const found = Responses[tableName] ?? [];
    if (found.some((i) => i.sk === 'SUPPRESSION')) return 'suppressed';
    if (found.some((i) => i.sk === 'UNSUBSCRIBE')) return 'unsubscribed';
    return undefined;
  },

  async suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...suppressionKeys.suppressed(email), reason, at } }),
    );
  },

  async unsubscribe(email: string, at: string): Promise<void> {
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...suppressionKeys.unsubscribed(email), at } }),
    );
  },
};
