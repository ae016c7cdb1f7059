import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Delegate Substituted';
/** A colleague took the place; `version` names the change, and so the delegate who passed it on. */
export const schema = z.object({
  registrationId: z.string(),
  eventId: z.string(),
  version: z.number().check(z.int()),
});
export type DelegateSubstituted = z.infer<typeof schema>;
export const DelegateSubstituted = defineEvent(SOURCE, DETAIL_TYPE, schema, 'delegate-substituted.json');
