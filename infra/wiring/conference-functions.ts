import type { FunctionSpec } from './types';

/** Conference events: organisers create, change and publish them; the public reads them. */
export const conferenceFunctions = {
  createEvent: {
    entry: 'create-event',
    description: 'Creates a draft conference event',
    trigger: { kind: 'http', method: 'POST', path: '/events', auth: 'organisers', audit: 'event.created' },
    access: { table: 'readWrite', bus: 'put' },
  },
  updateEvent: {
    entry: 'update-event',
    description: 'Changes an event; moving it re-derives everything scheduled from its times',
    trigger: {
      kind: 'http',
      method: 'PATCH',
      path: '/events/{eventId}',
      auth: 'organisers',
      audit: 'event.updated',
    },
    access: { table: 'readWrite', bus: 'put' },
  },
  publishEvent: {
    entry: 'publish-event',
    description: 'Publishes an event and opens registration',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/publish',
      auth: 'organisers',
      audit: 'event.published',
    },
    access: { table: 'readWrite', bus: 'put' },
  },
  getEvent: {
    entry: 'get-event',
    description: 'Shows a published event with the places left (a draft too, to an organiser)',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/events/{eventId}',
      auth: 'public',
      optionalCaller: 'organisers',
    },
    // A browser gets the event page with its registration form (a per-form value signed with the link key).
    access: { table: 'read', pages: 'render', tokens: 'sign' },
  },
  listEvents: {
    entry: 'list-events',
    description: 'Lists every event, drafts too, with status, dates and counts, upcoming first',
    trigger: { kind: 'http', method: 'GET', path: '/events', auth: 'organisers' },
    access: { table: 'read' },
  },
  getOpenApi: {
    entry: 'get-openapi',
    description: 'Serves the OpenAPI document generated from the zod schemas',
    trigger: { kind: 'http', method: 'GET', path: '/openapi.json', auth: 'public' },
    access: {},
    memoryMb: 256,
  },
} as const satisfies Record<string, FunctionSpec>;
