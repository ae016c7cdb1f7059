import { surveyAnswered, surveyAnswersRequest, surveyResultsView, surveyView } from '../survey-schemas';
import type { RouteDoc } from './route-doc';

/** Surveys: the delegate's link (read, answer) and the organisers' results (API.md, Surveys). */
export const surveyRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/surveys/{token}',
    summary:
      "The survey a delegate's link opens: the event's title, the questions, when it closes and whether " +
      'this delegate has answered. 403 for a link that is not valid, 410 once the survey has closed, 404 ' +
      "once the delegate's data was erased. `Accept: text/html` gives the survey as a form (once answered: " +
      '"already answered"; with `?sent=1`, the redirect after answering, a thank-you), and each refusal as a page',
    success: { status: 200, schema: surveyView, description: 'The survey' },
    errors: [403, 404, 410],
  },
  {
    method: 'POST',
    path: '/surveys/{token}',
    summary:
      'Answer the survey, once. 400 for an unknown question, a value the question does not take (rating ' +
      '1-5, nps 0-10, one of the options) or a required question unanswered; 409 already_answered; 403, ' +
      '404 and 410 as for GET. The survey page posts the form (form-encoded: `answers.<questionId>` fields ' +
      'and `formToken`): 303 to `?sent=1` once kept, else the form again with its errors (400), "already ' +
      'answered" (409) or a page for the refusal',
    body: surveyAnswersRequest,
    success: { status: 201, schema: surveyAnswered, description: 'Answered' },
    errors: [403, 404, 409, 410],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/survey-results',
    summary:
      'Invited, responded and the rate; per question the count and, from 5 responses, the breakdown ' +
      '(rating: mean and distribution; nps: score with promoters, passives, detractors; choice: counts; ' +
      'text: the answers). `Accept: text/csv` gives one row per response, no personal data (header only ' +
      'below 5). 404 for an unknown event or one without a survey',
    success: { status: 200, schema: surveyResultsView, description: 'The results' },
    errors: [404],
  },
];
