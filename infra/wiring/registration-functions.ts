import { CancellationRequested, RegistrationCancelled, RegistrationRequested } from '../../events';
import type { FunctionSpec } from './types';

/** Registrations: places, waiting lists, cancellation, check-in, export and erasure. */
export const registrationFunctions = {
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
    localConcurrency: 10,
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
} as const satisfies Record<string, FunctionSpec>;
