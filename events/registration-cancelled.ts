import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Cancelled';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
  /** Places given up: the event place and the session places the delegate held. */
  freed: z.object({ event: z.boolean(), sessions: z.array(z.string()) }),
});
export type RegistrationCancelled = z.infer<typeof schema>;
export const RegistrationCancelled = defineEvent(SOURCE, DETAIL_TYPE, schema, 'registration-cancelled.json');
