import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { eventChangeSchema } from './event-change';
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
  /** What delegates are told changed (times, venue, session times); absent or empty when nothing they need. */
  changes: z.optional(z.array(eventChangeSchema)),
  /** False when the organiser asked for the change to go untold (a typo fix); absent means tell. */
  notify: z.optional(z.boolean()),
});
export type EventUpdated = z.infer<typeof schema>;
export const EventUpdated = defineEvent(SOURCE, DETAIL_TYPE, schema, 'event-updated.json');
