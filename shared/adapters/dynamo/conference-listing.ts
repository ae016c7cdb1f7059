import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Conference } from '../../domain/conference';
import { chunk } from '../../domain/campaigns/campaign';
import { documentClient, tableName } from './client';
import { conferenceKeys } from './conference-repository';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';

/** An event with how many hold a place and how many wait for one. */
export interface ListedConference {
  readonly conference: Conference;
  readonly confirmed: number;
  readonly waitlisted: number;
}

const BATCH_GET_MAX = 100;

/** The event-level seat counters (`taken`, `waiting`) of these events, by event id. */
const eventCounters = async (eventIds: readonly string[]) => {
  const counters = new Map<string, { taken: number; waiting: number }>();
  for (const ids of chunk(eventIds, BATCH_GET_MAX)) {
    let keys: Record<string, unknown>[] = ids.map((id) => conferenceKeys.eventSeats(id));
    while (keys.length > 0) {
      const answer = await documentClient.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: keys,
              ProjectionExpression: 'pk, taken, #waiting',
              ExpressionAttributeNames: { '#waiting': 'waiting' },
            },
          },
        }),
      );
      for (const item of answer.Responses?.[tableName] ?? []) {
        counters.set(String(item.pk), { taken: Number(item.taken ?? 0), waiting: Number(item.waiting ?? 0) });
      }
      keys = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return counters;
};

/** Every event of the deployment, by start (earliest first), with its event-level counts. */
export const listConferences = async (): Promise<ListedConference[]> => {
  const conferences: Conference[] = [];
  for await (const items of queryPages({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': conferenceKeys.eventsIndex },
  })) {
    conferences.push(...items.map((i) => withoutKeys<Conference>(i)));
  }
  const counters = await eventCounters(conferences.map((c) => c.eventId));
  return conferences.map((conference) => {
    const counted = counters.get(conferenceKeys.partition(conference.eventId));
    return { conference, confirmed: counted?.taken ?? 0, waitlisted: counted?.waiting ?? 0 };
  });
};
