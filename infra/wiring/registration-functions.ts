import { EventUpdated } from '../../events';
import { capacityFields } from '../../shared/domain/registration/promotions';
import type { FunctionSpec } from './types';

/** Registrations: places, waiting lists, cancellation, check-in, export and erasure. */
export const registrationFunctions = {
  registerDelegate: {
    entry: 'register-delegate',
    description: 'Accepts a registration and asks for places',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/registrations',
      auth: 'public',
      // An organiser's token adds overbook and checkIn (bookings by phone, walk-ins).
      optionalCaller: 'organisers',
    },
    // The event page's form posts here too (its per-form value is signed with the link key); the link
    // key's secret also keys the address's claim. Retention: the new items' expiry, needs sooner.
    access: {
      table: 'readWrite',
      bus: 'put',
      placesQueue: 'send',
      pages: 'render',
      tokens: 'sign',
      retention: 'read',
    },
    // API Gateway's most: when the bus fails, the SDK's retries and the outbox write come before the answer.
    timeoutSeconds: 29,
  },
  getRegistration: {
    entry: 'get-registration',
    description:
      "Shows a registration's status without personal data; to a browser with the manage link's token, the booking",
    trigger: { kind: 'http', method: 'GET', path: '/registrations/{registrationId}', auth: 'public' },
    // The link key checks the manage token, signs the change and cancel forms and gives the check-in code.
    access: { table: 'read', pages: 'render', tokens: 'sign' },
  },
  downloadBookingCalendar: {
    entry: 'download-booking-calendar',
    description: "The booking's calendar entry as a file to download, with the manage link's token",
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/registrations/{registrationId}/calendar.ics',
      auth: 'public',
    },
    access: { table: 'read', pages: 'render', tokens: 'sign', sender: 'read' },
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
    // The manage page's "Yes, cancel my booking" posts here too, form-encoded.
    access: { table: 'read', placesQueue: 'send', pages: 'render', tokens: 'sign' },
  },
  checkIn: {
    entry: 'check-in',
    description: 'Marks a confirmed delegate attended',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/check-ins',
      auth: 'organisers',
      audit: 'check-in.recorded',
    },
    // The link key recomputes check-in codes.
    access: { table: 'readWrite', tokens: 'sign' },
  },
  requestSessionChange: {
    entry: 'request-session-change',
    description: "Checks the manage token and a delegate's new choice of sessions, and asks for the change",
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/registrations/{registrationId}/sessions',
      auth: 'public',
    },
    // The manage page's change form posts here too, form-encoded.
    access: { table: 'read', placesQueue: 'send', pages: 'render', tokens: 'sign' },
  },
  changeDelegateSessions: {
    entry: 'change-delegate-sessions',
    description: "An organiser changes a delegate's sessions; checked as the delegate's change is",
    trigger: {
      kind: 'http',
      method: 'PUT',
      path: '/events/{eventId}/registrations/{registrationId}/sessions',
      auth: 'organisers',
    },
    access: { table: 'read', placesQueue: 'send' },
  },
  listRegistrations: {
    entry: 'list-registrations',
    description: "Lists an event's registrations with personal data, as JSON or CSV",
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/events/{eventId}/registrations',
      auth: 'organisers',
      audit: 'registrations.exported',
    },
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
      audit: 'registration.erased',
    },
    // The link key's secret: an address's claim on the event is keyed by a digest derived from it.
    access: { table: 'readWrite', bus: 'put', placesQueue: 'send', tokens: 'sign' },
  },
  decidePlaces: {
    entry: 'decide-places',
    description:
      "Decides an event's places in the order asked: allocations, cancellations, session changes, freed places",
    // FIFO, one group per event: one decision at a time for each event, events side by side.
    trigger: { kind: 'queue', queue: 'places', batchSize: 10 },
    // The link key's secret: an address's claim on the event is keyed by a digest derived from it.
    access: { table: 'readWrite', bus: 'put', tokens: 'sign' },
    timeoutSeconds: 30,
  },
  queueRaisedPlaces: {
    entry: 'queue-raised-places',
    description: "Asks the event's place decisions to fill the places a raised capacity added",
    // Only changes that may raise a capacity (the event's, or a session's in `sessions`).
    trigger: { kind: 'event', events: [EventUpdated], detail: { changed: [...capacityFields] } },
    access: { placesQueue: 'send', table: 'read' },
  },
  cancelForDelegate: {
    entry: 'cancel-for-delegate',
    description: 'An organiser cancels a registration for the delegate; the places go to those waiting',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/registrations/{registrationId}/cancel',
      auth: 'organisers',
    },
    access: { table: 'read', placesQueue: 'send' },
  },
  substituteDelegate: {
    entry: 'substitute-delegate',
    description: "Passes a delegate's place to a colleague: the booking to them, a note to the delegate",
    trigger: {
      kind: 'http',
      method: 'PATCH',
      path: '/events/{eventId}/registrations/{registrationId}',
      auth: 'organisers',
    },
    // The link key's secret: an address's claim on the event is keyed by a digest derived from it.
    access: { table: 'readWrite', bus: 'put', tokens: 'sign' },
  },
  bulkRemoveRegistrations: {
    entry: 'bulk-remove-registrations',
    description:
      'Removes suspected fake sign-ups in one action: erased, places freed for those waiting, no mail',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/registrations/bulk-remove',
      auth: 'organisers',
      audit: 'registrations.removed',
    },
    // The link key's secret: an address's claim on the event is keyed by a digest derived from it.
    access: { table: 'readWrite', bus: 'put', placesQueue: 'send', tokens: 'sign' },
    timeoutSeconds: 29,
  },
} as const satisfies Record<string, FunctionSpec>;
