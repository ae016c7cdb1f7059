import { pathId } from '../../api/common';
import { organiserRegistrationRequest } from '../../api/registration-schemas';
import { now } from '../../clock';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { normaliseCheckInCode } from '../../domain/tokens';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { eventPageModel } from '../../pages/event/event-page';
import { conferenceQueries } from '../../use-cases/conference-queries';
import { bookForDelegate } from '../../use-cases/registrations/book-for-delegate';
import { checkIn, checkInByCode } from '../../use-cases/registrations/check-in';
import { doorList } from '../../use-cases/registrations/door-list';
import { undoCheckIn } from '../../use-cases/registrations/undo-check-in';
import type { ConsolePages, ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { consoleProblem } from '../console-problem';
import { isDoorOutcome } from './door-outcome';
import type { doorRoutes } from './door-routes';
import { doorUrls } from './door-urls';
import { doorView, type DoorState } from './door-view';
import { walkInPage } from './walk-in-page';
import { readWalkInForm, walkInErrors } from './walk-in-form';

const eventIdOf = (request: ConsoleRequest): string => request.params.eventId ?? '';

/** The door page at `status`, with the state of a refused post or the outcome of the last one. */
const doorPage = async (request: ConsoleRequest, state: DoorState, status = 200): Promise<HttpResult> =>
  consolePage(request, 'door/door.njk', doorView(await doorList(eventIdOf(request)), state), status);

/** The registration id a list button posted; anything else is not from this page. */
const postedRegistration = (request: ConsoleRequest): string | undefined => {
  const parsed = pathId.safeParse(request.form.fields.registrationId);
  return parsed.success ? parsed.data : undefined;
};

const notFromThisPage = () => consoleProblem(400, 'Choose a delegate from the check-in page.');

/** A typed or scanned code: checked in, or the page again with what to do about the code. */
const checkInWithCode = async (request: ConsoleRequest, typed: string): Promise<HttpResult> => {
  const eventId = eventIdOf(request);
  const again = (status: number, error: string) =>
    doorPage(request, { code: { value: typed, error } }, status);
  if (!normaliseCheckInCode(typed)) {
    return again(400, 'Enter the check-in code: 8 letters and numbers, like K7QX 3M9P');
  }
  try {
    const done = await checkInByCode(eventId, typed);
    return seeOther(
      doorUrls(eventId).after(done.alreadyCheckedIn ? 'already' : 'checked-in', done.registrationId),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'not_found') {
      return again(404, 'No one booked on this event has that code. Check the code, or find them by name');
    }
    if (error.code === 'not_confirmed') {
      return again(
        409,
        'That booking is not confirmed (waiting list or cancelled), so it cannot be checked in',
      );
    }
    throw error;
  }
};

/** The event as its page shows it (drafts too, to an organiser), and its workshop questions' names. */
const walkInEvent = async (eventId: string) => {
  const view = await conferenceQueries.showPublished(eventId, true);
  return { view, slots: eventPageModel(view, now()).slots.flatMap((s) => (s.choice ? [s.choice.name] : [])) };
};

export const doorPages: ConsolePages<typeof doorRoutes> = {
  door: async (request) => {
    const { done, r, q } = request.query;
    return doorPage(request, {
      query: q ?? '',
      ...(isDoorOutcome(done) ? { outcome: { kind: done, registrationId: r } } : {}),
    });
  },

  checkIn: async (request) => {
    const eventId = eventIdOf(request);
    const { code } = request.form.fields;
    if (code !== undefined && request.form.fields.registrationId === undefined) {
      return checkInWithCode(request, code);
    }
    const registrationId = postedRegistration(request);
    if (!registrationId) return notFromThisPage();
    try {
      const done = await checkIn(eventId, registrationId);
      return seeOther(
        doorUrls(eventId).after(done.alreadyCheckedIn ? 'already' : 'checked-in', registrationId),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_confirmed') {
        return doorPage(
          request,
          { refused: `${error.message} Search again to see the list as it is now.` },
          409,
        );
      }
      throw error;
    }
  },

  undo: async (request) => {
    const eventId = eventIdOf(request);
    const registrationId = postedRegistration(request);
    if (!registrationId) return notFromThisPage();
    try {
      await undoCheckIn(eventId, registrationId);
      return seeOther(doorUrls(eventId).after('undone', registrationId));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'not_checked_in')
        return seeOther(doorUrls(eventId).after('not-checked-in', registrationId));
      if (error.code === 'not_confirmed') return doorPage(request, { refused: error.message }, 409);
      throw error;
    }
  },

  walkInForm: async (request) => {
    const { view } = await walkInEvent(eventIdOf(request));
    return walkInPage(request, view);
  },

  walkIn: async (request) => {
    const eventId = eventIdOf(request);
    const { view, slots } = await walkInEvent(eventId);
    const { values, request: body, sessionFields } = readWalkInForm(request.form.fields);
    const again = (status: number, problems: readonly FieldProblem[], said: Record<string, string> = {}) =>
      walkInPage(
        request,
        view,
        { values, errors: walkInErrors(values, problems, sessionFields, slots, said) },
        status,
      );

    const parsed = organiserRegistrationRequest.safeParse(body);
    if (!parsed.success) return again(400, problemsOf(parsed.error));
    // A walk-in is for letting someone in now: when the event is full, the organiser says so first.
    if (view.placesLeft === 0 && !parsed.data.overbook) {
      return again(400, [{ path: 'overbook', message: 'The event is full' }], {
        overbook: 'The event is full. Tick the box to give them a place anyway',
      });
    }
    try {
      const booked = await bookForDelegate(eventId, parsed.data);
      const urls = doorUrls(eventId);
      return seeOther(
        booked.checkedIn ? urls.after('walk-in', booked.registrationId) : urls.after('walk-in-waiting'),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'already_registered') {
        const message =
          'This email address already has a booking for this event. Find them on the check-in page';
        return again(409, [{ path: 'email', message }], { email: message });
      }
      if (error.kind === 'invalid') return again(400, error.details);
      throw error;
    }
  },
};
