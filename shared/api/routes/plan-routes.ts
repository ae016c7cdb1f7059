import { planFeedView, planView } from '../plan-schemas';
import type { RouteDoc } from './route-doc';

/** The comms plan of an event and its calendar feed (README, Additions to API.md). */
export const planRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/events/{eventId}/plan',
    summary:
      'Everything the event sends or posts, soonest first: reminders, the survey invitation and reminder, ' +
      'campaigns and posts to X, each with its time (UTC and wall-clock in the event zone), kind, title, ' +
      'state and the console page that edits it. `Accept: text/calendar` gives the same as iCalendar. 404 ' +
      'for an unknown event',
    success: { status: 200, schema: planView, description: 'The plan' },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/plan.ics',
    summary:
      'The plan as an iCalendar feed (text/calendar) to subscribe to in Outlook or Google Calendar: `?key=` ' +
      'is the secret key from POST /events/{eventId}/plan-key, which stands for a token. Each item keeps ' +
      'its UID, so a calendar updates it when it moves; no personal data of delegates. 404 for a missing ' +
      'or wrong key, the same whether or not the event exists',
    success: { status: 200, description: 'The plan as iCalendar (text/calendar)' },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/plan-key',
    summary:
      "Makes a new secret key for the plan's feed and answers the feed's address; the previous address " +
      'stops working at once. No body. 404 for an unknown event',
    success: { status: 201, schema: planFeedView, description: 'The new feed address' },
    errors: [404],
  },
];
