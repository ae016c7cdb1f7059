import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Rejected';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
  reason: z.enum(['registration_closed', 'event_not_found']),
});
export type RegistrationRejected = z.infer<typeof schema>;
export const RegistrationRejected = defineEvent(SOURCE, DETAIL_TYPE, schema, 'registration-rejected.json');
