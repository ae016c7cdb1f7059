/** A seat counter as stored: places, places taken (may exceed capacity when overbooked), people waiting. */
export interface SeatCounter {
  /** The capped session it counts; absent for the event's own places. */
  readonly sessionId?: string;
  readonly capacity: number;
  readonly taken: number;
  readonly waiting: number;
}

/** How many of those waiting the free places will take, across the event and every capped session. */
export const promotionsDue = (counters: readonly SeatCounter[]): number =>
  counters.reduce((sum, c) => sum + Math.min(Math.max(c.capacity - c.taken, 0), c.waiting), 0);

/**
 * Which places a new registration can take now, read from the counters: the event's, and which of its
 * capped sessions (in the order given). A place is free when one is left and nobody waits for it, since
 * those waiting come first; a counter that is missing has no place to give.
 */
export const freePlaces = (
  counters: readonly SeatCounter[],
  cappedSessions: readonly string[],
): { readonly event: boolean; readonly sessions: readonly string[] } => {
  const free = (c: SeatCounter | undefined): boolean =>
    c !== undefined && c.taken < c.capacity && c.waiting === 0;
  return {
    event: free(counters.find((c) => c.sessionId === undefined)),
    sessions: cappedSessions.filter((id) => free(counters.find((c) => c.sessionId === id))),
  };
};

/** Fields of an event whose change may raise a capacity (the event's, or a session's). */
export const capacityFields = ['capacity', 'sessions'] as const;

export const mayRaiseCapacity = (changed: readonly string[]): boolean =>
  changed.some((field) => (capacityFields as readonly string[]).includes(field));
