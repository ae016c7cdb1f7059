import * as z from '../shared/zod';
import { defineEvent } from './contract';
import { eventSnapshotSchema } from './event-snapshot';
import { Sources } from './sources';

export const SOURCE = Sources.conferences;
export const DETAIL_TYPE = 'Event Published';
export const schema = z.object({ event: eventSnapshotSchema, publishedAt: z.iso.datetime() });
export type EventPublished = z.infer<typeof schema>;
export const EventPublished = defineEvent(SOURCE, DETAIL_TYPE, schema, 'event-published.json');
