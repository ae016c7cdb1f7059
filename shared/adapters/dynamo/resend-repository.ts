import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { registrationKeys } from './registration-keys';

/**
 * Resend requests, counted per (event, address) and clock hour, keyed by a digest of both so the item
 * holds no address: RESEND#<sha256(eventId#addressDigest)> / HOUR#<hour> (the address's keyed digest,
 * address-digest.ts, so no one without the key can test an address against it), with the request
 * instants it honoured (a set, so a request delivered twice counts once) and a TTL.
 */
const resendKeys = {
  hour: (eventId: string, addressDigest: string, hour: string) => ({
    pk: `RESEND#${createHash('sha256').update(`${eventId}#${addressDigest}`).digest('hex')}`,
    sk: `HOUR#${hour}`,
  }),
};

export const resendRepository = {
  /**
   * Counts a request in its hour unless `limit` requests were counted there already. True when it may
   * go (a request counted before, delivered again, still may: its mail is keyed by the request).
   */
  async admit(
    request: { eventId: string; addressDigest: string; requestedAt: string },
    hour: string,
    limit: number,
    expiresAt: number,
  ): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: resendKeys.hour(request.eventId, request.addressDigest, hour),
          UpdateExpression: 'ADD requests :at SET expiresAt = :expiresAt',
          ConditionExpression:
            'attribute_not_exists(requests) OR size(requests) < :limit OR contains(requests, :one)',
          ExpressionAttributeValues: {
            ':at': new Set([request.requestedAt]),
            ':one': request.requestedAt,
            ':limit': limit,
            ':expiresAt': expiresAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /** The registration holding the address's claim on the event, found by the address's keyed digest. */
  async holder(eventId: string, addressDigest: string): Promise<string | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: registrationKeys.emailClaim(eventId, addressDigest),
        ConsistentRead: true,
      }),
    );
    return Item?.registrationId as string | undefined;
  },
};
