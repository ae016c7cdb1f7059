import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';

/** One counter per address digest and UTC day: `MAILCAP#<digest>#<day>` / `MAILCAP`. */
const allowanceKey = (digest: string, day: string) => ({ pk: `MAILCAP#${digest}#${day}`, sk: 'MAILCAP' });

export const mailAllowanceRepository = {
  /**
   * Takes one of an address's `limit` new-registration mails for the day for `messageKey`, with a conditional
   * write; a mail that already holds one (a redelivery) keeps it. False when the day's are all taken.
   */
  async take(
    digest: string,
    day: string,
    messageKey: string,
    limit: number,
    expiresAt: number,
  ): Promise<boolean> {
    const key = allowanceKey(digest, day);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD #count :one, #mails :mail SET expiresAt = :expiresAt',
          ConditionExpression:
            '(attribute_not_exists(#count) OR #count < :limit) AND NOT contains(#mails, :key)',
          ExpressionAttributeNames: { '#count': 'count', '#mails': 'messageKeys' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':mail': new Set([messageKey]),
            ':key': messageKey,
            ':limit': limit,
            ':expiresAt': expiresAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await documentClient.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
      );
      return (Item?.messageKeys as Set<string> | undefined)?.has(messageKey) ?? false;
    }
  },
};
