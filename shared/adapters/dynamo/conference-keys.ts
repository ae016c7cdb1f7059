/** Key builders: the only place that knows how a conference and its seat counters are keyed. */
export const conferenceKeys = {
  partition: (eventId: string) => `EVENT#${eventId}`,
  /** gsi1 partition of every event, sorted by start: the organisers' list. */
  eventsIndex: 'EVENTS',
  item: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  eventSeats: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'SEATS#EVENT' }),
  sessionSeats: (eventId: string, sessionId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `SEATS#SESSION#${sessionId}`,
  }),
  /** The schedules kept for the event, in a partition of their own so reading the event never reads them. */
  schedules: (eventId: string) => `EVENT#${eventId}#SCHEDULES`,
  /** One schedule of an area (`REMINDER`, `SURVEY`): each area reconciles only its own records. */
  schedule: (eventId: string, area: string, name: string) => ({
    pk: `EVENT#${eventId}#SCHEDULES`,
    sk: `${area}#${name}`,
  }),
};
