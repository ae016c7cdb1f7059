import { cancelAccepted, substitutionAccepted, substitutionRequest } from '../registration-schemas';
import { bulkRemoveRequest, bulkRemoved } from '../abuse-schemas';
import type { RouteDoc } from './route-doc';

/** What organisers do to a delegate's booking for them. */
export const registrationOrganiserRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events/{eventId}/registrations/{registrationId}/cancel',
    summary:
      'Cancel for a delegate: as their own cancel, the places go to the first waiting and the delegate ' +
      'gets the cancellation mail. 409 not_registered for a rejected registration',
    success: { status: 202, schema: cancelAccepted, description: 'Cancellation accepted' },
    errors: [404, 409],
  },
  {
    method: 'PATCH',
    path: '/events/{eventId}/registrations/{registrationId}',
    summary:
      'Pass a confirmed or waiting place to a colleague: place and sessions stay, the new person gets the ' +
      'booking mail with a manage link, the old address a short note. 409 already_registered when the ' +
      'new address is registered for the event, not_registered when the place is not held',
    body: substitutionRequest,
    success: { status: 200, schema: substitutionAccepted, description: 'The place is passed on' },
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/registrations/bulk-remove',
    summary:
      'Remove suspected fake sign-ups (a burst from one client) in one action: each is erased, its places go ' +
      'to the first waiting, and the removed get no mail. Ids not of this event are listed in notFound',
    body: bulkRemoveRequest,
    success: { status: 200, schema: bulkRemoved, description: 'What was removed' },
    errors: [404],
  },
];
