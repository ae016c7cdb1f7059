import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { eventSnapshotSchema } from './event-snapshot';
import { Sources } from './sources';

export const SOURCE = Sources.conferences;
export const DETAIL_TYPE = 'Event Created';
export const schema = z.object({ event: eventSnapshotSchema });
export type EventCreated = z.infer<typeof schema>;
export const EventCreated = defineEvent(SOURCE, DETAIL_TYPE, schema, 'event-created.json');
