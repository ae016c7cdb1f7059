import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Registration } from '../../domain/registration';
import { documentClient, tableName } from './client';
import { EVENT_SCOPE, registrationKeys, sessionScope } from './registration-keys';

type Waiter = Pick<Registration, 'eventId' | 'registrationId' | 'requestedAt' | 'sessionWaitSince'>;

/**
 * Where a registration stands on one waiting list (1 for the next to get a place): how many entries of
 * that list sort up to and including its own, oldest first, as promotion serves them.
 */
const positionIn = async (r: Waiter, scope: string): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :own',
        ExpressionAttributeValues: {
          ':pk': registrationKeys.wait(r.eventId, scope, r).pk,
          ':from': registrationKeys.waitPrefix(scope),
          ':own': registrationKeys.wait(r.eventId, scope, r).sk,
        },
        Select: 'COUNT',
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
};

/** A delegate's place on the event's waiting list and on each workshop's they wait for. */
export const waitingList = {
  positionForEvent: (r: Waiter): Promise<number> => positionIn(r, EVENT_SCOPE),
  positionForSession: (r: Waiter, sessionId: string): Promise<number> =>
    positionIn(r, sessionScope(sessionId)),
};
