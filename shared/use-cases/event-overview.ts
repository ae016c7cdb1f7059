import { placeCounts } from '../adapters/dynamo/place-counts';
import { conferenceQueries } from './conference-queries';

/**
 * An event as its organisers see it: the event (drafts too) and, for the event and each capped
 * session, the places taken and how many wait for one.
 */
export const eventOverview = async (eventId: string) => {
  const view = await conferenceQueries.showPublished(eventId, true);
  const places = await placeCounts(
    eventId,
    view.sessions.flatMap((s) => (s.capacity === null ? [] : [s.id])),
  );
  return { view, places };
};

export type EventOverview = Awaited<ReturnType<typeof eventOverview>>;
