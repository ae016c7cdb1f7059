import { z } from 'zod';
import { defineEvent } from './contract';
import { eventSnapshotSchema } from './event-snapshot';
import { Sources } from './sources';

export const SOURCE = Sources.conferences;
export const DETAIL_TYPE = 'Event Updated';
export const schema = z.object({
  event: eventSnapshotSchema,
  /** Top-level fields the PATCH changed, so consumers can skip work that is not theirs. */
  changed: z.array(z.string()),
  /** True when the event's or any session's times changed: schedules must be re-derived. */
  timesChanged: z.boolean(),
});
export type EventUpdated = z.infer<typeof schema>;
export const EventUpdated = defineEvent(SOURCE, DETAIL_TYPE, schema, 'event-updated.json');
