import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Requested';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  requestedAt: z.iso.datetime(),
});
export type RegistrationRequested = z.infer<typeof schema>;
export const RegistrationRequested = defineEvent(SOURCE, DETAIL_TYPE, schema, 'registration-requested.json');
