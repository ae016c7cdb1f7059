import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';

/**
 * Console sessions that were signed out before their token expired, by the token's id:
 * SIGNED_OUT#<jti> / SESSION, gone (TTL) when the token would have expired anyway.
 */
const keyOf = (tokenId: string) => ({ pk: `SIGNED_OUT#${tokenId}`, sk: 'SESSION' });

export const endedSessions = {
  async end(tokenId: string, tokenExpiresAt: Date): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keyOf(tokenId), expiresAt: Math.ceil(tokenExpiresAt.getTime() / 1000) },
      }),
    );
  },

  async hasEnded(tokenId: string): Promise<boolean> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keyOf(tokenId), ConsistentRead: true }),
    );
    return Item !== undefined;
  },
};
