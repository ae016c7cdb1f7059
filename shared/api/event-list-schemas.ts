import * as z from 'zod';

/** GET /events: the organisers' list of every event, drafts included. */
export const eventList = z
  .object({
    events: z
      .array(
        z.object({
          eventId: z.string(),
          title: z.string(),
          status: z.enum(['draft', 'published', 'cancelled']),
          finished: z.literal(true).optional().describe('A published event whose day is over'),
          timezone: z.string(),
          startsAt: z.string().describe('Wall-clock time in `timezone`'),
          endsAt: z.string(),
          startsAtUtc: z.iso.datetime(),
          endsAtUtc: z.iso.datetime(),
          venue: z.object({ name: z.string(), address: z.string().optional() }),
          capacity: z.number().int(),
          confirmed: z.number().int().describe('Delegates holding a place'),
          waitlisted: z.number().int().describe('Delegates waiting for a place'),
          placesLeft: z.number().int(),
        }),
      )
      .describe('Events not yet over, soonest first; then those over, most recent first'),
  })
  .meta({ id: 'EventList' });
