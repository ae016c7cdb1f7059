import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { Sources } from './sources';

export const SOURCE = Sources.registrations;
export const DETAIL_TYPE = 'Cancellation Requested';
export const schema = z.object({ registrationId: z.string(), eventId: z.string() });
export type CancellationRequested = z.infer<typeof schema>;
export const CancellationRequested = defineEvent(SOURCE, DETAIL_TYPE, schema, 'cancellation-requested.json');
