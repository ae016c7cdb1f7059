import * as z from '../shared/zod';

/** The times of an event as consumers need them to derive schedules: instants in UTC plus the zone. */
export const eventSnapshotSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'cancelled']),
  timezone: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  sessions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['keynote', 'workshop', 'networking']),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
    }),
  ),
  version: z.number().check(z.int(), z.positive()),
});
export type EventSnapshot = z.infer<typeof eventSnapshotSchema>;
