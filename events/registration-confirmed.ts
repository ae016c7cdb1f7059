import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { sessionPlaces } from './registration-parts';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Confirmed';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
  sessions: sessionPlaces,
});
export type RegistrationConfirmed = z.infer<typeof schema>;
export const RegistrationConfirmed = defineEvent(SOURCE, DETAIL_TYPE, schema, 'registration-confirmed.json');
