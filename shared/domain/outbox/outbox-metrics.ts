/** The metrics the outbox publishes (shared/adapters/bus.ts, the sweeper); the outbox alarm watches the last. */
export const OutboxMetrics = {
  /** Events the bus (or requests the places queue) refused, parked in the outbox. */
  parked: 'BusEntriesParked',
  /** Parked entries the sweeper put on the bus or the places queue. */
  announced: 'OutboxAnnounced',
  /** Parked entries refused again when the sweeper tried. */
  stillParked: 'OutboxStillParked',
} as const;
