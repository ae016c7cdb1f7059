import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Conference, SeatCounts } from '../../domain/conference';
import { conflict } from '../../domain/errors';
import { documentClient, tableName } from './client';
import { conferenceKeys } from './conference-keys';
import { withoutKeys } from './item';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export { conferenceKeys } from './conference-keys';

const SEATS_PREFIX = 'SEATS#SESSION#';

// `capacity` is a DynamoDB reserved word, so seat writes name their attributes.
const SEAT_NAMES = {
  ExpressionAttributeNames: { '#capacity': 'capacity', '#taken': 'taken', '#waiting': 'waiting' },
};
const SET_CAPACITY =
  'SET #capacity = :capacity, #taken = if_not_exists(#taken, :zero), #waiting = if_not_exists(#waiting, :zero)';
const CAPACITY_COVERS_TAKEN = 'attribute_not_exists(#taken) OR #taken <= :capacity';

const conferenceItem = (c: Conference) => ({
  ...conferenceKeys.item(c.eventId),
  entity: 'Conference',
  gsi1pk: conferenceKeys.eventsIndex,
  gsi1sk: `${c.startsAt}#${c.eventId}`,
  ...c,
});

const stripKeys = (item: Record<string, unknown>): Conference => withoutKeys<Conference>(item);

/**
 * Seat counters live in items of their own beside the event (one per capped scope), so bookings
 * update a small item with a conditional write and never race an organiser's edit of the event.
 */
const seatWrites = (previous: Conference | undefined, next: Conference): TransactItem[] => {
  const writes: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: conferenceKeys.eventSeats(next.eventId),
        ...SEAT_NAMES,
        UpdateExpression: SET_CAPACITY,
        ConditionExpression: CAPACITY_COVERS_TAKEN,
        ExpressionAttributeValues: { ':capacity': next.capacity, ':zero': 0 },
      },
    },
  ];
  for (const s of next.sessions) {
    if (s.capacity === undefined) continue;
    writes.push({
      Update: {
        TableName: tableName,
        Key: conferenceKeys.sessionSeats(next.eventId, s.id),
        ...SEAT_NAMES,
        UpdateExpression: SET_CAPACITY,
        ConditionExpression: CAPACITY_COVERS_TAKEN,
        ExpressionAttributeValues: { ':capacity': s.capacity, ':zero': 0 },
      },
    });
  }
  const stillCapped = new Set(next.sessions.filter((s) => s.capacity !== undefined).map((s) => s.id));
  for (const s of previous?.sessions ?? []) {
    if (s.capacity === undefined || stillCapped.has(s.id)) continue;
    writes.push({
      Delete: {
        TableName: tableName,
        Key: conferenceKeys.sessionSeats(next.eventId, s.id),
        ExpressionAttributeNames: { '#taken': 'taken', '#waiting': 'waiting' },
        ConditionExpression: 'attribute_not_exists(#taken) OR (#taken = :zero AND #waiting = :zero)',
        ExpressionAttributeValues: { ':zero': 0 },
      },
    });
  }
  return writes;
};

const explainCancellation = (error: TransactionCanceledException, conditionOnEvent: string): Error => {
  const reasons = error.CancellationReasons ?? [];
  if (reasons[0]?.Code === 'ConditionalCheckFailed') return conflict('concurrent_update', conditionOnEvent);
  if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
    return conflict(
      'capacity_below_bookings',
      'A capacity is below the places already booked, or a session with bookings would lose its places.',
    );
  }
  return error;
};

const write = async (items: TransactItem[], conditionOnEvent: string): Promise<void> => {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw explainCancellation(error, conditionOnEvent);
    throw error;
  }
};

export const conferenceRepository = {
  async create(c: Conference): Promise<void> {
    await write(
      [
        {
          Put: {
            TableName: tableName,
            Item: conferenceItem(c),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...seatWrites(undefined, c),
      ],
      'An event with this id exists already.',
    );
  },

  /** Replaces the event if nobody changed it since `previous` was read (optimistic, on `version`). */
  async replace(previous: Conference, next: Conference): Promise<void> {
    await write(
      [
        {
          Put: {
            TableName: tableName,
            Item: conferenceItem(next),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': previous.version },
          },
        },
        ...seatWrites(previous, next),
      ],
      'The event was changed by someone else meanwhile; reload it and try again.',
    );
  },

  /** The event and its seat counts in one strongly consistent query of its partition. */
  async find(eventId: string): Promise<{ conference: Conference; seats: SeatCounts } | undefined> {
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        // 'EVENT' sorts just before 'SEATS#...', so one range read returns the event and its counters.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': conferenceKeys.partition(eventId),
          ':from': 'EVENT',
          ':to': 'SEATS$',
        },
        ConsistentRead: true,
      }),
    );
    const item = Items.find((i) => i.sk === 'EVENT');
    if (!item) return undefined;
    const sessions: Record<string, number> = {};
    let event = 0;
    for (const i of Items) {
      if (i.sk === 'SEATS#EVENT') event = Number(i.taken ?? 0);
      else if (typeof i.sk === 'string' && i.sk.startsWith(SEATS_PREFIX)) {
        sessions[i.sk.slice(SEATS_PREFIX.length)] = Number(i.taken ?? 0);
      }
    }
    return { conference: stripKeys(item), seats: { event, sessions } };
  },
};
