import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Booking Mail Requested';
/**
 * Someone asked for a lost manage link to be sent again. It carries the address's keyed digest (HMAC, as
 * the event's email claim is keyed: shared/adapters/address-digest.ts), never the address nor a plain hash
 * anyone could test a known address against.
 */
export const schema = z.object({
  eventId: z.string(),
  addressDigest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  requestedAt: z.iso.datetime(),
});
export type BookingMailRequested = z.infer<typeof schema>;
export const BookingMailRequested = defineEvent(SOURCE, DETAIL_TYPE, schema, 'booking-mail-requested.json');
