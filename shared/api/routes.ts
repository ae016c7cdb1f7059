import type { z } from 'zod';
import type { RouteAuth } from '../http/claims';
import {
  createEventRequest,
  createEventResponse,
  eventView,
  publishEventResponse,
  updateEventRequest,
  updateEventResponse,
} from './event-schemas';

export interface RouteDoc {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly success: { readonly status: number; readonly schema?: z.ZodType; readonly description: string };
  /** Error statuses this route can answer besides 400 for bad input. */
  readonly errors: readonly number[];
}

/** The HTTP contract as OpenAPI shows it; a test keeps it equal to the wiring's routes. */
export const routeDocs: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events',
    auth: 'organisers',
    summary: 'Create a draft event',
    body: createEventRequest,
    success: { status: 201, schema: createEventResponse, description: 'The draft was created' },
    errors: [],
  },
  {
    method: 'PATCH',
    path: '/events/{eventId}',
    auth: 'organisers',
    summary: 'Change an event; moving it moves what is scheduled from its times',
    body: updateEventRequest,
    success: { status: 200, schema: updateEventResponse, description: 'The event as it now is' },
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/publish',
    auth: 'organisers',
    summary: 'Publish an event and open registration',
    success: { status: 200, schema: publishEventResponse, description: 'Published' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events/{eventId}',
    auth: 'public',
    summary: 'A published event with the places left',
    success: { status: 200, schema: eventView, description: 'The event' },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    summary: 'This document',
    success: { status: 200, description: 'OpenAPI 3.1 document' },
    errors: [],
  },
];
