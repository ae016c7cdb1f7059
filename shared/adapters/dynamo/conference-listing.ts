import type { Conference } from '../../domain/conference';
import { batchGet } from './batch-get';
import { conferenceKeys } from './conference-repository';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';

/** An event with how many hold a place and how many wait for one. */
export interface ListedConference {
  readonly conference: Conference;
  readonly confirmed: number;
  readonly waitlisted: number;
}

/** The event-level seat counters (`taken`, `waiting`) of these events, by event id. */
const eventCounters = async (eventIds: readonly string[]) => {
  const counters = new Map<string, { taken: number; waiting: number }>();
  const items = await batchGet(
    eventIds.map((id) => conferenceKeys.eventSeats(id)),
    { projection: 'pk, taken, #waiting', names: { '#waiting': 'waiting' } },
  );
  for (const item of items) {
    counters.set(String(item.pk), { taken: Number(item.taken ?? 0), waiting: Number(item.waiting ?? 0) });
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
