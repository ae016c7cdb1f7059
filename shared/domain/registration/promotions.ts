/** A seat counter as stored: places, places taken (may exceed capacity when overbooked), people waiting. */
export interface SeatCounter {
  readonly capacity: number;
  readonly taken: number;
  readonly waiting: number;
}

/** How many of those waiting the free places will take, across the event and every capped session. */
export const promotionsDue = (counters: readonly SeatCounter[]): number =>
  counters.reduce((sum, c) => sum + Math.min(Math.max(c.capacity - c.taken, 0), c.waiting), 0);

/** Fields of an event whose change may raise a capacity (the event's, or a session's). */
export const capacityFields = ['capacity', 'sessions'] as const;

export const mayRaiseCapacity = (changed: readonly string[]): boolean =>
  changed.some((field) => (capacityFields as readonly string[]).includes(field));
