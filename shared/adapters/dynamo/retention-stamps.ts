import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TableDesign } from './table-design';
import { documentClient, tableName } from './client';
import { queryPages } from './query-pages';
import { registrationKeys } from './registration-keys';
import { registrationsOfEvent } from './registration-listing';
import { surveyKeys } from './survey-repository';

type Key = { readonly pk: string; readonly sk: string };

/** One item of an event's personal data as the data report and the retention stamps see it. */
export interface HeldItem {
  readonly key: Key;
  /** A registration, a delegate's access and dietary needs (an item of their own), or a survey response. */
  readonly kind: 'registration' | 'needs' | 'survey-response';
  /** The registration a registration or needs item is of. */
  readonly registrationId?: string;
  /** Epoch seconds DynamoDB's TTL removes the item after; absent if not stamped yet. */
  readonly expiresAt?: number;
  readonly holdsDelegate: boolean;
  /** Needs held in the registration itself (registrations made before needs had an item of their own). */
  readonly holdsNeeds: boolean;
  readonly surveyAnswered: boolean;
}

const TTL = TableDesign.timeToLiveAttribute;

const held = (kind: HeldItem['kind'], item: Record<string, unknown>): HeldItem => {
  const delegate = item.delegate as { accessNeeds?: string; dietary?: string } | undefined;
  return {
    key: { pk: item.pk as string, sk: item.sk as string },
    kind,
    ...(typeof item.registrationId === 'string' ? { registrationId: item.registrationId } : {}),
    ...(typeof item[TTL] === 'number' ? { expiresAt: item[TTL] } : {}),
    holdsDelegate: delegate !== undefined,
    holdsNeeds: delegate?.accessNeeds !== undefined || delegate?.dietary !== undefined,
    surveyAnswered: item.surveyRespondedAt !== undefined,
  };
};

/**
 * Where an event's personal data is kept in the table, with each item's expiry: its registrations
 * (gsi4 EVENT#<id>#REGS: the delegate, former delegates), its delegates' access and dietary needs (gsi1
 * EVENT#<id>#NEEDS, kept apart for their shorter retention) and its survey responses (EVENT#<id>#SURVEY,
 * apart from names, but written answers may identify their author).
 */
export async function* heldItems(eventId: string): AsyncGenerator<HeldItem[]> {
  for await (const items of registrationsOfEvent(eventId, {
    projection: `pk, sk, registrationId, delegate, surveyRespondedAt, ${TTL}`,
  })) {
    yield items.map((i) => held('registration', i));
  }
  for await (const items of queryPages({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': registrationKeys.needsListing(eventId) },
    ProjectionExpression: `pk, sk, registrationId, ${TTL}`,
  })) {
    yield items.map((i) => held('needs', i));
  }
  for await (const items of queryPages({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': surveyKeys.responses(eventId) },
    ProjectionExpression: `pk, sk, ${TTL}`,
  })) {
    yield items.map((i) => held('survey-response', i));
  }
}

/** Sets an item's expiry (DynamoDB TTL), unless the item is gone meanwhile (erased, expired). */
export const stampExpiry = async (key: Key, expiresAt: number): Promise<void> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #ttl = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#ttl': TTL },
        ExpressionAttributeValues: { ':at': expiresAt },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/**
 * A registration's own items (the registration, and its needs when it has any) with their expiries, read
 * strongly consistent: a registration just written is there.
 */
export const heldItemsOfRegistration = async (registrationId: string): Promise<HeldItem[]> => {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': registrationKeys.item(registrationId).pk },
      ExpressionAttributeNames: { '#ttl': TTL },
      ProjectionExpression: 'pk, sk, #ttl',
      ConsistentRead: true,
    }),
  );
  return Items.map((i) =>
    held(i.sk === registrationKeys.needs(registrationId).sk ? 'needs' : 'registration', {
      ...i,
      registrationId,
    }),
  );
};
