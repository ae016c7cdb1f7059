import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { sessionPlaces } from './registration-parts';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Waitlisted';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
  sessions: sessionPlaces,
});
export type RegistrationWaitlisted = z.infer<typeof schema>;
export const RegistrationWaitlisted = defineEvent(
  SOURCE,
  DETAIL_TYPE,
  schema,
  'registration-waitlisted.json',
);
