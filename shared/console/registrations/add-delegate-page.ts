import { organiserRegistrationRequest } from '../../api/registration-schemas';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { noErrors, pageErrors, type PageErrors } from '../../pages/form-errors';
import { NONE, slotsOf } from '../../pages/manage/change-form';
import { loadConference } from '../../use-cases/load-conference';
import { bookForDelegate } from '../../use-cases/registrations/book-for-delegate';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import {
  delegateFieldCopy,
  emptyDelegateForm,
  problemsOnSlots,
  readDelegateForm,
  type DelegateFormValues,
} from './delegate-form';
import { registrationLinks } from './registration-links';

type Loaded = Awaited<ReturnType<typeof loadConference>>;

/** The workshops a new delegate chooses between, in time slots, with the places left in each. */
const slotsFor = ({ conference, seats }: Loaded) =>
  slotsOf(conference, seats.sessions, { sessions: {}, sessionOrder: [] });

const placesHint = (placesLeft: number): string => {
  if (placesLeft === 0) return 'Full: they will join the waiting list unless you book them beyond capacity';
  return placesLeft === 1 ? '1 place left' : `${placesLeft} places left`;
};

const formPage = (
  request: ConsoleRequest,
  loaded: Loaded,
  shown: { values: DelegateFormValues; errors: PageErrors },
  status = 200,
): HttpResult => {
  const { conference } = loaded;
  return consolePage(
    request,
    'registrations/new.njk',
    {
      title: 'Add a delegate',
      event: { id: conference.eventId, title: conference.title, section: 'registrations' },
      backLink: { href: registrationLinks.list(conference.eventId), text: 'All registrations' },
      errors: shown.errors.summary,
      errorsByField: shown.errors.byField,
      values: shown.values,
      action: registrationLinks.add(conference.eventId),
      slots: slotsFor(loaded).map((slot) => ({
        id: slot.id,
        when: slot.when,
        value: shown.values.workshops[slot.id],
        items: [
          ...slot.options.map((o) => ({
            value: o.sessionId,
            text: o.title,
            hint: { text: placesHint(o.placesLeft) },
          })),
          { value: NONE, text: 'No workshop in this slot' },
        ],
      })),
    },
    status,
  );
};

export const newDelegatePage = async (request: ConsoleRequest): Promise<HttpResult> =>
  formPage(request, await loadConference(request.params.eventId ?? ''), {
    values: emptyDelegateForm,
    errors: noErrors,
  });

/**
 * A delegate who phoned, added by an organiser: the same schema and use-case as POST
 * /events/{eventId}/registrations with an organiser's token (places decided at once; beyond capacity only
 * when asked). Their page next, where the booking's status shows.
 */
export const addDelegate = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const loaded = await loadConference(eventId);
  const slots = slotsFor(loaded);
  const { values, request: body, sessionFields } = readDelegateForm(request.form.fields, slots);
  const again = (status: number, problems: readonly FieldProblem[], said: Record<string, string> = {}) => {
    const fields = delegateFieldCopy(
      values,
      slots.map((s) => s.id),
      said,
    );
    const errors = pageErrors(problemsOnSlots(problems, sessionFields), fields, { id: 'name' });
    return formPage(request, loaded, { values, errors }, status);
  };
  const parsed = organiserRegistrationRequest.safeParse(body);
  if (!parsed.success) return again(400, problemsOf(parsed.error, ''));
  try {
    const booking = await bookForDelegate(eventId, parsed.data);
    return seeOther(registrationLinks.done(eventId, booking.registrationId, 'added'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'already_registered') {
      const message = 'This email address is already registered for this event';
      return again(409, [{ path: 'email', message }], { email: message });
    }
    if (error.kind === 'invalid') return again(400, error.details);
    throw error;
  }
};
