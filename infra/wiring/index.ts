import {
  CancellationRequested,
  PlacePromoted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationRequested,
  RegistrationWaitlisted,
} from '../../events';
import type { FunctionSpec, Wiring } from './types';

/**
 * The one declaration of which function runs on which trigger, with what access and settings.
 * The CDK app (infra/stacks) and the local stack (infra/local) both build from this object:
 * adding a function is one entry here plus its folder under functions/.
 */
export const wiring = {
  functions: {
    createEvent: {
      entry: 'create-event',
      description: 'Creates a draft conference event',
      trigger: { kind: 'http', method: 'POST', path: '/events', auth: 'organisers' },
      access: { table: 'readWrite', bus: 'put' },
    },
    updateEvent: {
      entry: 'update-event',
      description: 'Changes an event; moving it re-derives everything scheduled from its times',
      trigger: { kind: 'http', method: 'PATCH', path: '/events/{eventId}', auth: 'organisers' },
      access: { table: 'readWrite', bus: 'put' },
    },
    publishEvent: {
      entry: 'publish-event',
      description: 'Publishes an event and opens registration',
      trigger: { kind: 'http', method: 'POST', path: '/events/{eventId}/publish', auth: 'organisers' },
      access: { table: 'readWrite', bus: 'put' },
    },
    getEvent: {
      entry: 'get-event',
      description: 'Shows a published event with the places left',
      trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}', auth: 'public' },
      access: { table: 'read' },
    },
    getOpenApi: {
      entry: 'get-openapi',
      description: 'Serves the OpenAPI document generated from the zod schemas',
      trigger: { kind: 'http', method: 'GET', path: '/openapi.json', auth: 'public' },
      access: {},
      memoryMb: 256,
    },
    registerDelegate: {
      entry: 'register-delegate',
      description: 'Accepts a registration and asks for places',
      trigger: { kind: 'http', method: 'POST', path: '/events/{eventId}/registrations', auth: 'public' },
      access: { table: 'readWrite', bus: 'put' },
    },
    getRegistration: {
      entry: 'get-registration',
      description: "Shows a registration's status, without personal data",
      trigger: { kind: 'http', method: 'GET', path: '/registrations/{registrationId}', auth: 'public' },
      access: { table: 'read' },
    },
    requestCancellation: {
      entry: 'request-cancellation',
      description: 'Checks the manage token and asks for the cancellation',
      trigger: {
        kind: 'http',
        method: 'POST',
        path: '/registrations/{registrationId}/cancel',
        auth: 'public',
      },
      access: { table: 'read', bus: 'put', tokens: 'sign' },
    },
    checkIn: {
      entry: 'check-in',
      description: 'Marks a confirmed delegate attended',
      trigger: { kind: 'http', method: 'POST', path: '/events/{eventId}/check-ins', auth: 'organisers' },
      access: { table: 'readWrite' },
    },
    listRegistrations: {
      entry: 'list-registrations',
      description: "Lists an event's registrations with personal data, as JSON or CSV",
      trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/registrations', auth: 'organisers' },
      access: { table: 'read' },
      timeoutSeconds: 29,
    },
    eraseRegistration: {
      entry: 'erase-registration',
      description: "Erases a delegate's personal data (UK GDPR)",
      trigger: {
        kind: 'http',
        method: 'DELETE',
        path: '/events/{eventId}/registrations/{registrationId}',
        auth: 'organisers',
      },
      access: { table: 'readWrite', bus: 'put' },
    },
    allocatePlaces: {
      entry: 'allocate-places',
      description: 'Decides the places of a requested registration with conditional transactions',
      trigger: { kind: 'event', events: [RegistrationRequested] },
      access: { table: 'readWrite', bus: 'put' },
      timeoutSeconds: 30,
      reservedConcurrency: 10,
    },
    cancelRegistration: {
      entry: 'cancel-registration',
      description: 'Cancels a registration and gives back its places',
      trigger: { kind: 'event', events: [CancellationRequested] },
      access: { table: 'readWrite', bus: 'put' },
    },
    fillFreePlaces: {
      entry: 'fill-free-places',
      description: 'Promotes the first on each waiting list into freed places',
      trigger: { kind: 'event', events: [RegistrationCancelled] },
      access: { table: 'readWrite', bus: 'put' },
      timeoutSeconds: 60,
    },
    queueRegistrationMail: {
      entry: 'queue-registration-mail',
      description: 'Records and queues the mail a registration change calls for',
      trigger: {
        kind: 'event',
        events: [RegistrationConfirmed, RegistrationWaitlisted, PlacePromoted, RegistrationCancelled],
      },
      access: { table: 'readWrite', sendQueue: 'send' },
    },
    sendMail: {
      entry: 'send-mail',
      description: 'Sends queued mail through SES, each ledger entry at most once',
      trigger: {
        kind: 'queue',
        queue: 'send',
        batchSize: 10,
        maxBatchingWindowSeconds: 1,
        maxConcurrency: 5,
      },
      access: { table: 'readWrite', ses: 'send', tokens: 'sign' },
      timeoutSeconds: 30,
    },
  },
  queues: {
    send: { visibilityTimeoutSeconds: 180, maxReceiveCount: 5 },
  },
  busRetryAttempts: 8,
  busMaximumEventAgeSeconds: 3600,
} as const satisfies Wiring;

export type FunctionName = keyof typeof wiring.functions;

export const functionEntries = (w: Wiring = wiring): [string, FunctionSpec][] => Object.entries(w.functions);
