import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Session Change Requested';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  /** The delegate's new choices, replacing the old ones; ids only, never personal data. */
  sessions: z.array(z.string()),
  /** Names this request, so a duplicate delivery is applied once. */
  changeId: z.string(),
});
export type SessionChangeRequested = z.infer<typeof schema>;
export const SessionChangeRequested = defineEvent(
  SOURCE,
  DETAIL_TYPE,
  schema,
  'session-change-requested.json',
);
