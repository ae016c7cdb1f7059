import * as z from '../shared/zod';

/** A span of time as delegates read it: UTC instants and the zone they are shown in. */
const span = z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), timezone: z.string() });
const venue = z.object({ name: z.string(), address: z.optional(z.string()) });

/** One thing delegates are told changed about an event, before and after. */
export const eventChangeSchema = z.discriminatedUnion('what', [
  z.object({ what: z.literal('times'), before: span, after: span }),
  z.object({ what: z.literal('venue'), before: venue, after: venue }),
  z.object({
    what: z.literal('session'),
    sessionId: z.string(),
    title: z.string(),
    before: span,
    after: span,
  }),
]);
export type EventChange = z.infer<typeof eventChangeSchema>;
