import { unsubscribeResponse } from '../delivery-schemas';
import type { RouteDoc } from './route-doc';

/** The delivery area's routes: the unsubscribe link of campaign mail (API.md, Campaigns). */
export const deliveryRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/unsubscribe',
    summary:
      'The page the unsubscribe link (`?token=`) opens: an HTML page with a button that POSTs the same URL ' +
      "(with the form's signed `formToken`). Changes nothing, so link scanners unsubscribe no one",
    success: {
      status: 200,
      description: 'An HTML page (text/html); 403 or 410 pages for a bad or expired link',
    },
    errors: [403, 410],
  },
  {
    method: 'POST',
    path: '/unsubscribe',
    summary:
      'Unsubscribe the address of the link (`?token=`) from campaign mail; confirmations and reminders still ' +
      'come. RFC 8058 one-click: the body is `List-Unsubscribe=One-Click` (application/x-www-form-urlencoded) ' +
      "or empty. Idempotent. The page's button posts `formToken` (form-encoded) and gets a page; so does any " +
      'post with `Accept: text/html`, which needs that `formToken` (without it, or from another site, the ' +
      'page again, 400, nothing changed)',
    success: { status: 200, schema: unsubscribeResponse, description: 'Unsubscribed' },
    errors: [403, 410],
  },
];
