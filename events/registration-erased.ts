import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Registration Erased';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  erasedAt: z.iso.datetime(),
});
export type RegistrationErased = z.infer<typeof schema>;
export const RegistrationErased = defineEvent(SOURCE, DETAIL_TYPE, schema, 'registration-erased.json');
