/** The metrics the outbox publishes (shared/adapters/bus.ts, the sweeper); the outbox alarm watches the last. */
export const OutboxMetrics = {
  /** Events the bus refused, parked in the outbox. */
  parked: 'BusEntriesParked',
  /** Parked events the sweeper put on the bus. */
  announced: 'OutboxAnnounced',
  /** Parked events the bus refused again when the sweeper tried. */
  stillParked: 'OutboxStillParked',
} as const;
