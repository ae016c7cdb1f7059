import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { sessionPlaces } from './registration-parts';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Place Promoted';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
  /** 'event' for an event place; otherwise the session id. */
  scope: z.string(),
  sessions: sessionPlaces,
});
export type PlacePromoted = z.infer<typeof schema>;
export const PlacePromoted = defineEvent(SOURCE, DETAIL_TYPE, schema, 'place-promoted.json');
