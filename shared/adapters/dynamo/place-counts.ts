import { batchGet } from './batch-get';
import { conferenceKeys } from './conference-repository';

/** Places taken in one scope (the event, or a capped session) and how many wait for one. */
export interface PlaceCount {
  readonly taken: number;
  readonly waiting: number;
}

export interface PlaceCounts {
  readonly event: PlaceCount;
  /** By session id, for the capped sessions asked about. */
  readonly sessions: Readonly<Record<string, PlaceCount>>;
}

const none: PlaceCount = { taken: 0, waiting: 0 };

/** The seat counters of an event and of its capped sessions `sessionIds`: taken and waiting in each. */
export const placeCounts = async (eventId: string, sessionIds: readonly string[]): Promise<PlaceCounts> => {
  const scopes = [
    { key: conferenceKeys.eventSeats(eventId), session: undefined },
    ...sessionIds.map((id) => ({ key: conferenceKeys.sessionSeats(eventId, id), session: id })),
  ];
  const items = await batchGet(
    scopes.map((s) => s.key),
    { projection: 'pk, sk, taken, #waiting', names: { '#waiting': 'waiting' } },
  );
  const bySortKey = new Map(items.map((i) => [String(i.sk), i]));
  const countOf = (key: { sk: string }): PlaceCount => {
    const item = bySortKey.get(key.sk);
    return item ? { taken: Number(item.taken ?? 0), waiting: Number(item.waiting ?? 0) } : none;
  };
  return {
    event: countOf(scopes[0]!.key),
    sessions: Object.fromEntries(
      scopes.flatMap((s) => (s.session === undefined ? [] : [[s.session, countOf(s.key)]])),
    ),
  };
};
