import { teamForNewEvent } from '../../domain/teams/teams';
import { createEventRequest } from '../../api/event-schemas';
import { now } from '../../clock';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { noErrors, pageErrors, type PageErrors } from '../../pages/form-errors';
import { conferenceCommands } from '../../use-cases/conference-commands';
import type { ConsoleRequest } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import {
  detailsProblems,
  detailsRequest,
  detailsRules,
  newEventValues,
  readDetailsValues,
  type DetailsValues,
} from './details-form';
import { detailsFields } from './details-part';
import { eventUrls } from './event-parts';
import { fieldCopyOf } from './field-rules';
import { timeProblemsBeside } from './time-problems';

/** The "Create an event" form: an event's details; its sessions come next, on a form of their own. */
export const newEventPage = (
  request: ConsoleRequest,
  values: DetailsValues = newEventValues,
  errors: PageErrors = noErrors,
  status = 200,
): HttpResult =>
  consolePage(
    request,
    'events/new.njk',
    {
      title: 'Create an event',
      backLink: { href: consoleUrls.home, text: 'Back to your events' },
      errors: errors.summary,
      action: eventUrls.create,
      fields: detailsFields(values, errors),
    },
    status,
  );

/**
 * POST: a draft event from the form, through POST /events's own schema and use-case; then 303 to its
 * sessions form. Refused, the form again with every problem beside its field, nothing saved.
 */
export const createEventPost = async (request: ConsoleRequest): Promise<HttpResult> => {
  const values = readDetailsValues(request.form.fields);
  const body = detailsRequest(values);
  const again = (found: readonly FieldProblem[]) => {
    const problems = detailsProblems(values, found);
    const errors = pageErrors(problems, fieldCopyOf(detailsRules(values), problems), { id: 'title' });
    return newEventPage(request, values, errors, 400);
  };
  const parsed = createEventRequest.safeParse(body);
  if (!parsed.success) {
    const refused = problemsOf(parsed.error);
    return again([...refused, ...timeProblemsBeside(body, refused, now())]);
  }
  try {
    const team = teamForNewEvent(request.session.groups, request.form.fields.teamId || undefined);
    const { eventId } = await conferenceCommands.create(parsed.data, team);
    return seeOther(`${eventUrls.edit(eventId, 'sessions')}?done=created`);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'invalid')
      return again(error.details.length > 0 ? error.details : [{ path: '', message: error.message }]);
    throw error;
  }
};
