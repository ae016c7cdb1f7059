import { resendAccepted, resendRequest } from '../resend-schemas';
import type { RouteDoc } from './route-doc';

/** A lost manage link, found again. */
export const resendRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events/{eventId}/registrations/resend',
    summary:
      "Send the address's booking mail again (confirmation or waiting-list mail as the registration now " +
      'stands, with its manage link). The same 202 whether or not the address is registered; at most ' +
      '3 mails per address and event an hour, beyond which it still answers 202 and sends nothing. A bad ' +
      "manage link's page posts it form-encoded (email, formToken) and gets a page with the same neutral " +
      'answer, or the form again with its error',
    body: resendRequest,
    success: { status: 202, schema: resendAccepted, description: 'Requested' },
    errors: [404],
  },
];
