import { substitutionRequest } from '../../api/registration-schemas';
import { now } from '../../clock';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { erasureCancels } from '../../domain/registration';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { noErrors, pageErrors, type PageErrors } from '../../pages/form-errors';
import {
  changeErrors,
  NONE,
  readChangeForm,
  sameChoice,
  slotsOf,
  type SlotOption,
} from '../../pages/manage/change-form';
import { cancelForDelegate } from '../../use-cases/registrations/cancel-for-delegate';
import { eraseRegistration } from '../../use-cases/registrations/erase';
import { answeredSurveyNote } from '../gdpr/erasure-words';
import { changeSessionsForDelegate } from '../../use-cases/registrations/request-session-change';
import { awaitBookingChange } from '../../use-cases/registrations/show-booking';
import {
  showRegistrationForOrganiser,
  type OrganiserRegistrationDetail,
} from '../../use-cases/registrations/show-for-organiser';
import { substituteDelegate } from '../../use-cases/registrations/substitute';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { consoleProblem } from '../console-problem';
import { registrationLinks } from './registration-links';
import { substituteFieldCopy } from './delegate-form';

const idsOf = (request: ConsoleRequest) => ({
  eventId: request.params.eventId ?? '',
  registrationId: request.params.registrationId ?? '',
});

const nameOf = (d: OrganiserRegistrationDetail): string => d.registration.delegate?.name ?? 'this delegate';

/** The frame of every page about one delegate: the event's registrations, back to the delegate. */
const frameOf = (d: OrganiserRegistrationDetail, title: string) => ({
  title,
  event: { id: d.conference.eventId, title: d.conference.title, section: 'registrations' as const },
  backLink: {
    href: registrationLinks.delegate(d.conference.eventId, d.registration.registrationId),
    text: `Back to ${nameOf(d)}`,
  },
  delegateUrl: registrationLinks.delegate(d.conference.eventId, d.registration.registrationId),
});

const holdsAPlace = (d: OrganiserRegistrationDetail): boolean =>
  d.registration.status === 'confirmed' || d.registration.status === 'waitlisted';

const hintOf = (o: SlotOption): string => {
  if (o.held === 'confirmed') return 'They have a place';
  if (o.held === 'waitlisted') return 'They are on the waiting list';
  if (o.placesLeft === 0) return 'Full: they will join the waiting list';
  return o.placesLeft === 1 ? '1 place left' : `${o.placesLeft} places left`;
};

// ---- Move between workshops ----

const slotsFor = (d: OrganiserRegistrationDetail) => slotsOf(d.conference, d.seats.sessions, d.registration);

const sessionsPage = (
  request: ConsoleRequest,
  d: OrganiserRegistrationDetail,
  shown: { errors: PageErrors; posted?: Readonly<Record<string, string>> } = { errors: noErrors },
  status = 200,
): HttpResult =>
  consolePage(
    request,
    'registrations/sessions.njk',
    {
      ...frameOf(d, `Move ${nameOf(d)} to other workshops`),
      errors: shown.errors.summary,
      errorsByField: shown.errors.byField,
      action: registrationLinks.sessions(d.conference.eventId, d.registration.registrationId),
      slots: slotsFor(d).map((slot) => ({
        id: slot.id,
        when: slot.when,
        value: shown.posted?.[slot.id] ?? slot.options.find((o) => o.held)?.sessionId ?? NONE,
        items: [
          ...slot.options.map((o) => ({ value: o.sessionId, text: o.title, hint: { text: hintOf(o) } })),
          { value: NONE, text: 'No workshop in this slot' },
        ],
      })),
    },
    status,
  );

const refuseChange = (d: OrganiserRegistrationDetail): HttpResult | undefined => {
  if (!holdsAPlace(d)) return consoleProblem(409, `${nameOf(d)} has no booking to change.`);
  if (!d.changesOpen)
    return consoleProblem(409, 'Workshops can only change while the event is published and not over.');
  return undefined;
};

export const changeSessionsPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  return refuseChange(d) ?? sessionsPage(request, d);
};

/** The move posted: the same use-case as PUT .../sessions; the delegate's page once it shows (or soon). */
export const moveSessions = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const refused = refuseChange(d);
  if (refused) return refused;
  const r = d.registration;
  const slots = slotsFor(d);
  const sessions = readChangeForm(request.form.fields, slots, d.conference, r);
  if (sameChoice(sessions, r.sessionOrder))
    return seeOther(registrationLinks.done(eventId, registrationId, 'unchanged'));
  try {
    await changeSessionsForDelegate(eventId, registrationId, sessions);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    const errors = changeErrors(error.details, sessions, slots);
    return sessionsPage(request, d, { errors, posted: request.form.fields }, 400);
  }
  const shown = await awaitBookingChange(registrationId, r.version);
  return seeOther(
    registrationLinks.done(eventId, registrationId, 'moved', { pending: !shown, since: r.version }),
  );
};

// ---- Pass the place to a colleague ----

const SUBSTITUTE_FIELDS = ['name', 'email', 'organisation', 'role'] as const;
type SubstituteValues = Record<(typeof SUBSTITUTE_FIELDS)[number], string>;

const substitutePage = (
  request: ConsoleRequest,
  d: OrganiserRegistrationDetail,
  shown: { errors: PageErrors; values: SubstituteValues },
  status = 200,
): HttpResult =>
  consolePage(
    request,
    'registrations/substitute.njk',
    {
      ...frameOf(d, `Pass ${nameOf(d)}’s place to a colleague`),
      errors: shown.errors.summary,
      errorsByField: shown.errors.byField,
      values: shown.values,
      currentOrganisation: d.registration.delegate?.organisation,
      action: registrationLinks.substitute(d.conference.eventId, d.registration.registrationId),
    },
    status,
  );

const refuseSubstitute = (d: OrganiserRegistrationDetail): HttpResult | undefined =>
  holdsAPlace(d) && d.registration.delegate
    ? undefined
    : consoleProblem(409, 'Only a booked or waiting place can be passed on.');

export const substituteForm = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const empty = { name: '', email: '', organisation: '', role: '' };
  return refuseSubstitute(d) ?? substitutePage(request, d, { errors: noErrors, values: empty });
};

/** The colleague posted: the same schema and use-case as PATCH .../registrations/{id}. */
export const substitute = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const refused = refuseSubstitute(d);
  if (refused) return refused;
  const values = Object.fromEntries(
    SUBSTITUTE_FIELDS.map((name) => [name, request.form.fields[name] ?? '']),
  ) as SubstituteValues;
  const again = (status: number, problems: readonly FieldProblem[], said: Record<string, string> = {}) =>
    substitutePage(
      request,
      d,
      { errors: pageErrors(problems, substituteFieldCopy(values, said), { id: 'name' }), values },
      status,
    );
  const parsed = substitutionRequest.safeParse(
    Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '')),
  );
  if (!parsed.success) return again(400, problemsOf(parsed.error, ''));
  try {
    await substituteDelegate(eventId, registrationId, parsed.data);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'already_registered') {
      const message = 'This email address is already registered for this event';
      return again(409, [{ path: 'email', message }], { email: message });
    }
    throw error;
  }
  return seeOther(registrationLinks.done(eventId, registrationId, 'substituted'));
};

// ---- Cancel for them ----

export const confirmCancel = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const status = d.registration.status;
  if (status === 'cancelled' || status === 'rejected')
    return consoleProblem(409, `${nameOf(d)} has no booking to cancel.`);
  return consolePage(request, 'registrations/cancel.njk', {
    ...frameOf(d, `Cancel ${nameOf(d)}’s booking?`),
    confirmed: status === 'confirmed',
    waiting: status === 'waitlisted',
    action: registrationLinks.cancel(eventId, registrationId),
  });
};

/** "Yes, cancel": the same use-case as POST .../cancel; the delegate's page once it shows (or soon). */
export const cancel = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const before = d.registration;
  await cancelForDelegate(eventId, registrationId);
  const shown = before.status === 'cancelled' || (await awaitBookingChange(registrationId, before.version));
  return seeOther(
    registrationLinks.done(eventId, registrationId, 'cancelled', { pending: !shown, since: before.version }),
  );
};

// ---- Erase their personal data ----

export const confirmErase = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  if (!d.registration.delegate) return seeOther(registrationLinks.delegate(eventId, registrationId));
  return consolePage(request, 'registrations/erase.njk', {
    ...frameOf(d, `Erase ${nameOf(d)}’s personal data?`),
    // The erase use-case's own rule: before the event ends (and before check-in) it cancels too.
    cancels: erasureCancels(d.conference, d.registration, now()),
    attended: d.registration.attendedAt !== undefined,
    answeredNote: answeredSurveyNote(d.registration),
    action: registrationLinks.erase(eventId, registrationId),
  });
};

/** "Erase": the same use-case as DELETE .../registrations/{id} (erasing twice is the same as once). */
export const erase = async (request: ConsoleRequest): Promise<HttpResult> => {
  const { eventId, registrationId } = idsOf(request);
  await eraseRegistration(eventId, registrationId);
  return seeOther(registrationLinks.done(eventId, registrationId, 'erased'));
};
