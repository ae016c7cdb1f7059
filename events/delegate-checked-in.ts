import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Delegate Checked In';
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  attendedAt: z.iso.datetime(),
});
export type DelegateCheckedIn = z.infer<typeof schema>;
export const DelegateCheckedIn = defineEvent(SOURCE, DETAIL_TYPE, schema, 'delegate-checked-in.json');
