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
import {
  cancelAccepted,
  cancelRequest,
  checkInRequest,
  checkInResponse,
  registrationAccepted,
  registrationList,
  registrationRequest,
  registrationStatus,
} from './registration-schemas';

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
    method: 'POST',
    path: '/events/{eventId}/registrations',
    auth: 'public',
    summary: 'Register a delegate; places are decided at once and confirmed by email',
    body: registrationRequest,
    success: { status: 202, schema: registrationAccepted, description: 'Accepted; the status follows' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/registrations/{registrationId}',
    auth: 'public',
    summary: "A registration's status and sessions, without personal data",
    success: { status: 200, schema: registrationStatus, description: 'The registration' },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/registrations/{registrationId}/cancel',
    auth: 'public',
    summary: 'Cancel with the token from the manage link; the place goes to the waiting list',
    body: cancelRequest,
    success: { status: 202, schema: cancelAccepted, description: 'Cancellation accepted' },
    errors: [403, 404, 409],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/check-ins',
    auth: 'organisers',
    summary: 'Check a confirmed delegate in (idempotent)',
    body: checkInRequest,
    success: { status: 200, schema: checkInResponse, description: 'Attended' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/registrations',
    auth: 'organisers',
    summary: 'Every registration with personal data; `Accept: text/csv` gives the badge and catering list',
    success: { status: 200, schema: registrationList, description: 'The registrations (JSON or CSV)' },
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/events/{eventId}/registrations/{registrationId}',
    auth: 'organisers',
    summary: "Erase a delegate's personal data (UK GDPR); counts and survey aggregates stay",
    success: { status: 204, description: 'Erased' },
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
