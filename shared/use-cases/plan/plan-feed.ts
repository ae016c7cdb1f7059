import { planFeedKeys } from '../../adapters/dynamo/plan-feed-keys';
import { nowIso } from '../../clock';
import { EnvNames, requireEnv } from '../../config/env';
import { DomainError } from '../../domain/errors';
import { isFeedKey, newFeedKey } from '../../domain/plan/feed-key';
import { loadConference } from '../load-conference';
import { planIcs } from './plan-view';
import { readCommsPlan } from './read-plan';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/** The feed's secret address: `{PUBLIC_URL}/events/{eventId}/plan.ics?key=...`. */
const feedUrlOf = (eventId: string, key: string): string =>
  `${publicUrl}/events/${encodeURIComponent(eventId)}/plan.ics?${new URLSearchParams({ key })}`;

/** The event's current feed address and when it was made, if one was. */
export interface PlanFeed {
  readonly eventId: string;
  readonly feedUrl: string;
  readonly createdAt: string;
}

/** The feed address the event has now; undefined until someone makes one. */
export const currentPlanFeed = async (eventId: string): Promise<PlanFeed | undefined> => {
  const stored = await planFeedKeys.find(eventId);
  return stored && { eventId, feedUrl: feedUrlOf(eventId, stored.key), createdAt: stored.createdAt };
};

/** A new feed key for the event; the old one (if any) stops working at once. 404 for an unknown event. */
export const renewPlanFeedKey = async (eventId: string, by?: string): Promise<PlanFeed> => {
  await loadConference(eventId);
  const feedKey = { key: newFeedKey(), createdAt: nowIso(), ...(by ? { createdBy: by } : {}) };
  await planFeedKeys.replace(eventId, feedKey);
  return { eventId, feedUrl: feedUrlOf(eventId, feedKey.key), createdAt: feedKey.createdAt };
};

/**
 * The plan's calendar for whoever holds the event's key. A wrong or missing key, an event without a
 * key and an unknown event are the same 404, so the answer never says whether the event exists.
 */
export const readPlanFeed = async (eventId: string, key: string | undefined): Promise<string> => {
  const stored = await planFeedKeys.find(eventId);
  if (!isFeedKey(key, stored?.key)) {
    throw new DomainError('not_found', 'not_found', 'There is no calendar at this address.');
  }
  return planIcs(await readCommsPlan(eventId));
};
