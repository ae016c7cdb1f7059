import * as z from '../zod';

/** GET /events: the organisers' list of every event, drafts included. */
export const eventList = z
  .object({
    events: z
      .array(
        z.object({
          eventId: z.string(),
          title: z.string(),
          status: z.enum(['draft', 'published', 'cancelled']),
          finished: z.optional(z.literal(true)).check(z.describe('A published event whose day is over')),
          timezone: z.string(),
          startsAt: z.string().check(z.describe('Wall-clock time in `timezone`')),
          endsAt: z.string(),
          startsAtUtc: z.iso.datetime(),
          endsAtUtc: z.iso.datetime(),
          venue: z.object({ name: z.string(), address: z.optional(z.string()) }),
          capacity: z.number().check(z.int()),
          confirmed: z.number().check(z.int(), z.describe('Delegates holding a place')),
          waitlisted: z.number().check(z.int(), z.describe('Delegates waiting for a place')),
          placesLeft: z.number().check(z.int()),
        }),
      )
      .check(z.describe('Events not yet over, soonest first; then those over, most recent first')),
  })
  .check(z.meta({ id: 'EventList' }));
