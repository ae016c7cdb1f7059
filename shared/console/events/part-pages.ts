import { updateEventRequest } from '../../api/event-schemas';
import { now } from '../../clock';
import type { ConferenceView } from '../../domain/conference';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { noErrors, pageErrors, type PageErrors } from '../../pages/form-errors';
import { conferenceCommands } from '../../use-cases/conference-commands';
import { previewEventChange } from '../../use-cases/event-changes/preview-event-change';
import { eventOverview } from '../../use-cases/event-overview';
import type { ConsoleRequest } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { consoleProblem } from '../console-problem';
import { changeNotice } from './change-notice';
import { detailsPart } from './details-part';
import { doneBanner } from './done-banner';
import { eventUrls, isEventPart, partNames, type EventPart } from './event-parts';
import { fieldCopyOf } from './field-rules';
import type { PartContext, PartForm } from './part-form';
import { remindersPart } from './reminders-part';
import { sessionsPart } from './sessions-part';
import { surveyPart } from './survey-part';

const NO_SUCH_PART = 'There is no such part of an event to change.';
const CANCELLED = 'This event was cancelled, so it cannot be changed.';

/** Why a save was refused where no one field is at fault. */
const refusals: Readonly<Record<string, string>> = {
  capacity_below_bookings:
    'A session someone has booked cannot be removed, and no session can have fewer places than are booked.',
  survey_started:
    "The questions cannot change now: the survey's invitations have gone. You can still change when it closes and its reminder.",
};

const renderPart = <V>(
  request: ConsoleRequest,
  part: EventPart,
  form: PartForm<V>,
  view: ConferenceView,
  values: V,
  errors: PageErrors,
  context: PartContext,
  status: number,
): HttpResult => {
  const notice = changeNotice(part, view.status);
  return consolePage(
    request,
    `events/edit-${part}.njk`,
    {
      title: `${partNames[part].heading}: ${view.title}`,
      heading: partNames[part].heading,
      event: { id: view.eventId, title: view.title, section: 'overview' },
      backLink: { href: consoleUrls.event(view.eventId), text: 'Back to the overview' },
      errors: errors.summary,
      banner: status === 200 ? doneBanner(request.query) : undefined,
      notice,
      notify: notice.offersNotify ? (request.form.fields.notify ?? 'yes') : undefined,
      action: eventUrls.edit(view.eventId, part),
      ...form.model(values, errors, view, context),
    },
    status,
  );
};

type Overview = Awaited<ReturnType<typeof eventOverview>>;

/** The form with the event as it is. */
const showPart = <V>(
  request: ConsoleRequest,
  part: EventPart,
  form: PartForm<V>,
  { view, places }: Overview,
) =>
  renderPart(
    request,
    part,
    form,
    view,
    form.stored(view),
    noErrors,
    { at: now(), taken: places.event.taken },
    200,
  );

/**
 * POST: the part's form, checked with PATCH /events/{id}'s own schema and saved by its use-case, then
 * 303 to the overview with what followed (mailed, promoted, reminders skipped). Refused, the form again
 * with each problem beside its field and nothing saved. `action=preview` checks the same way and shows
 * the form again with the dates the change would give, saving nothing.
 */
const savePart = async <V>(
  request: ConsoleRequest,
  part: EventPart,
  form: PartForm<V>,
  { view, places }: Overview,
): Promise<HttpResult> => {
  const eventId = view.eventId;
  const values = form.read(request.form.fields);
  const sent = form.request(values, view);
  const rename = sent.problems ?? ((p: readonly FieldProblem[]) => [...p]);
  const at = now();
  const context: PartContext = { at, taken: places.event.taken };
  const again = (status: number, found: readonly FieldProblem[], belowBookings = false): HttpResult => {
    const problems = rename(found);
    const rules = sent.rules({ belowBookings, taken: places.event.taken });
    const errors = pageErrors(problems, fieldCopyOf(rules, problems), { id: sent.fallbackId });
    return renderPart(request, part, form, view, values, errors, context, status);
  };

  const notice = changeNotice(part, view.status);
  const notify = notice.offersNotify ? { notify: request.form.fields.notify !== 'no' } : {};
  const parsed = updateEventRequest.safeParse({ ...sent.body, ...notify });
  if (!parsed.success) {
    const refused = problemsOf(parsed.error);
    return again(400, [...refused, ...(sent.besides?.(refused, at) ?? [])]);
  }
  try {
    if (request.form.fields.action === 'preview') {
      const { notify: _notify, ...patch } = parsed.data;
      const { next } = await previewEventChange(eventId, patch);
      return renderPart(request, part, form, view, values, noErrors, { ...context, preview: next }, 200);
    }
    const saved = await conferenceCommands.update(eventId, parsed.data);
    return seeOther(
      eventUrls.done(eventId, {
        done: saved.changed.length > 0 ? part : 'unchanged',
        ...(notice.offersNotify && saved.changed.length > 0
          ? { mailed: saved.delegatesNotified ? 'yes' : 'no' }
          : {}),
        ...(saved.promoted > 0 ? { promoted: saved.promoted } : {}),
        ...(saved.skippedReminders.length > 0 ? { skipped: saved.skippedReminders.length } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'invalid')
      return again(400, error.details.length > 0 ? error.details : [{ path: '', message: error.message }]);
    if (error.code === 'capacity_below_bookings' && part === 'details')
      return again(409, [{ path: 'capacity', message: error.message }], true);
    if (error.code === 'capacity_below_bookings') {
      const taken = Object.fromEntries(Object.entries(places.sessions).map(([id, c]) => [id, c.taken]));
      const atFault = sent.belowBookings?.(taken) ?? [];
      if (atFault.length > 0) return again(409, atFault);
    }
    const refusal = refusals[error.code];
    if (refusal) return again(409, [{ path: '', message: refusal }]);
    throw error;
  }
};

/** A part's GET and POST, typed by its form's values. */
const flowOf = <V>(part: EventPart, form: PartForm<V>) => ({
  show: (request: ConsoleRequest, overview: Overview) => showPart(request, part, form, overview),
  save: (request: ConsoleRequest, overview: Overview) => savePart(request, part, form, overview),
});

const flows = {
  details: flowOf('details', detailsPart),
  sessions: flowOf('sessions', sessionsPart),
  reminders: flowOf('reminders', remindersPart),
  survey: flowOf('survey', surveyPart),
} as const satisfies Record<EventPart, unknown>;

/** The part's flow and the event, or the problem page: no such part, or a cancelled event. */
const partOf = async (request: ConsoleRequest) => {
  const { eventId = '', part } = request.params;
  if (!isEventPart(part)) return consoleProblem(404, NO_SUCH_PART, request.session);
  const overview = await eventOverview(eventId);
  if (overview.view.status === 'cancelled') return consoleProblem(409, CANCELLED, request.session);
  return { flow: flows[part], overview };
};

/** GET: the part's form with the event as it is. */
export const editPartPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const found = await partOf(request);
  return 'flow' in found ? found.flow.show(request, found.overview) : found;
};

/** POST: the part's form saved (or previewed), as `savePart` says. */
export const savePartPost = async (request: ConsoleRequest): Promise<HttpResult> => {
  const found = await partOf(request);
  return 'flow' in found ? found.flow.save(request, found.overview) : found;
};
