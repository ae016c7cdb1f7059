import {
  createEventRequest,
  createEventResponse,
  eventView,
  publishEventResponse,
  updateEventRequest,
  updateEventResponse,
} from '../event-schemas';
import {
  cancelAccepted,
  cancelRequest,
  checkInRequest,
  checkInResponse,
  organiserSessionChangeRequest,
  sessionChangeAccepted,
  sessionChangeRequest,
  registrationAnswer,
  registrationList,
  registrationRequest,
  registrationStatus,
} from '../registration-schemas';
import { eventList } from '../event-list-schemas';
import { erasureAnswerSchema } from '../gdpr-schemas';

import type { RouteDoc } from './route-doc';

/** Conference events and registrations. */
export const coreRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events',
    summary: 'Create a draft event',
    body: createEventRequest,
    success: { status: 201, schema: createEventResponse, description: 'The draft was created' },
    errors: [],
  },
  {
    method: 'PATCH',
    path: '/events/{eventId}',
    summary: 'Change an event; moving it moves what is scheduled from its times',
    body: updateEventRequest,
    success: { status: 200, schema: updateEventResponse, description: 'The event as it now is' },
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/publish',
    summary: 'Publish an event and open registration',
    success: { status: 200, schema: publishEventResponse, description: 'Published' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events',
    summary:
      'Every event, drafts too, with status, dates and counts (confirmed, waitlisted, places left); ' +
      'upcoming first, then those over (finished), most recent first',
    success: { status: 200, schema: eventList, description: 'The events' },
    errors: [],
  },
  {
    method: 'GET',
    path: '/events/{eventId}',
    summary:
      'A published event with the places left; with an organiser bearer token, a draft too (401 for a ' +
      'bad token). A published event whose day is over adds finished: true',
    success: { status: 200, schema: eventView, description: 'The event' },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/registrations',
    summary:
      'Register a delegate; places are decided at once and confirmed by email. With an organiser bearer ' +
      'token (optional; 401 if invalid, 403 outside organisers) the body may add overbook and checkIn, ' +
      'and the answer is the decided booking (OrganiserBooking); without one they are unknown fields',
    body: registrationRequest,
    success: {
      status: 202,
      schema: registrationAnswer,
      description: 'Accepted; the status follows (an organiser gets the decided booking)',
    },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/registrations/{registrationId}',
    summary:
      "A registration's status and sessions, without personal data. A browser (Accept: text/html) gets a " +
      'page instead: without a token, what happens next and the outcome (the page after registering); with ' +
      '?token= from the manage link, the booking (status, day, place on each waiting list, check-in code) ' +
      'and, with &step=change or &step=cancel, the change form or the "are you sure" of a cancellation. A ' +
      'bad manage link is a 403 page, an expired one a 410 page, each with a form to have the mail sent again',
    success: { status: 200, schema: registrationStatus, description: 'The registration (or a page)' },
    errors: [403, 404, 410],
  },
  {
    method: 'GET',
    path: '/registrations/{registrationId}/calendar.ics',
    summary:
      "The booking's calendar entry (text/calendar, the confirmation mail's invite: same UID and SEQUENCE) " +
      'with ?token= from the manage link, while the delegate holds a place; 409 no_place otherwise. 403 ' +
      'for a bad token, 410 for an expired one; a browser gets these as pages',
    success: { status: 200, description: 'The .ics file, as an attachment' },
    errors: [403, 404, 409, 410],
  },
  {
    method: 'POST',
    path: '/registrations/{registrationId}/cancel',
    summary:
      'Cancel with the token from the manage link; the place goes to the waiting list. The manage page ' +
      'posts it form-encoded (token, formToken) and is answered 303 to the manage page',
    body: cancelRequest,
    success: { status: 202, schema: cancelAccepted, description: 'Cancellation accepted' },
    errors: [403, 404, 409],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/check-ins',
    summary:
      'Check a confirmed delegate in by registrationId or by the check-in code from their confirmation mail; ' +
      'a second check-in answers alreadyCheckedIn: true with the first checkedInAt. 404 for a code of no ' +
      'registration of this event',
    body: checkInRequest,
    success: { status: 200, schema: checkInResponse, description: 'Attended' },
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/registrations/{registrationId}/sessions',
    summary:
      "Replace the delegate's session choices, with the token from the manage link: a new choice is " +
      'confirmed where a place is free, else waitlisted; a dropped one frees its seat for the first ' +
      'waiting; one mail with the updated booking follows. 400 for unknown or overlapping sessions. The ' +
      "manage page's change form posts it form-encoded (token, formToken, one field per time slot) and " +
      'is answered 303 to the manage page, or the form again with its errors',
    body: sessionChangeRequest,
    success: { status: 202, schema: sessionChangeAccepted, description: 'Accepted; places follow' },
    errors: [403, 404, 409],
  },
  {
    method: 'PUT',
    path: '/events/{eventId}/registrations/{registrationId}/sessions',
    summary: "Replace a delegate's session choices for them, as the delegate's own change does",
    body: organiserSessionChangeRequest,
    success: { status: 202, schema: sessionChangeAccepted, description: 'Accepted; places follow' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/registrations',
    summary:
      'Every registration with personal data; `Accept: text/csv` gives the badge and catering list. Access ' +
      'and dietary needs only with `?include=needs` (special category data)',
    success: { status: 200, schema: registrationList, description: 'The registrations (JSON or CSV)' },
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/events/{eventId}/registrations/{registrationId}',
    summary:
      "Erase a delegate's personal data (UK GDPR); counts and survey aggregates stay. With " +
      '`Prefer: return=representation` the answer says how it stands, and whether they answered the survey',
    success: { status: 204, description: 'Erased' },
    alsoSuccess: {
      status: 200,
      schema: erasureAnswerSchema,
      description:
        'Erased (asked with `Prefer: return=representation`): `surveyAnswered` says whether they answered',
    },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document',
    success: { status: 200, description: 'OpenAPI 3.1 document' },
    errors: [],
  },
];
