import { BookingMailRequested } from '../../events';
import type { FunctionSpec } from './types';

/** A lost manage link sent again: the request answers at once, the bus decides whether anything goes. */
export const resendFunctions = {
  requestBookingMail: {
    entry: 'request-booking-mail',
    description:
      "Asks for an address's booking mail to be sent again; the same 202 whether or not it is registered",
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/registrations/resend',
      auth: 'public',
    },
    // A bad manage link's page posts its form here (its per-form value is signed with the link key).
    access: { table: 'read', bus: 'put', pages: 'render', tokens: 'sign' },
  },
  resendBookingMail: {
    entry: 'resend-booking-mail',
    description:
      'Sends a booking mail again, as the registration stands, within the hourly limit per address',
    trigger: { kind: 'event', events: [BookingMailRequested] },
    access: { table: 'readWrite', sendQueue: 'send', retention: 'read' },
  },
} as const satisfies Record<string, FunctionSpec>;
