import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SeatCounter } from '../../domain/registration';
import { documentClient, tableName } from './client';
import { conferenceKeys } from './conference-repository';

const SESSION_SEATS = conferenceKeys.sessionSeats('', '').sk;

/** Every seat counter of an event (its own and each capped session's), read strongly consistent. */
export const seatCounters = async (eventId: string): Promise<SeatCounter[]> => {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :seats)',
      ExpressionAttributeValues: { ':pk': conferenceKeys.partition(eventId), ':seats': 'SEATS#' },
      ConsistentRead: true,
    }),
  );
  return Items.map((i) => ({
    ...(String(i.sk).startsWith(SESSION_SEATS)
      ? { sessionId: String(i.sk).slice(SESSION_SEATS.length) }
      : {}),
    capacity: Number(i.capacity ?? 0),
    taken: Number(i.taken ?? 0),
    waiting: Number(i.waiting ?? 0),
  }));
};
