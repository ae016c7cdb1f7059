import type { ConferenceView } from '../../domain/conference';
import { registrationOpen } from '../../domain/registration';
import { formatRangeForUk, timezoneNote } from '../../domain/wall-clock';
import { html, type HttpResult } from '../../http/respond';
import { FormNames, issueFormToken } from '../form-guard';
import { noErrors, type PageErrors } from '../form-errors';
import { renderPage } from '../render';
import {
  emptyRegistrationForm,
  NO_WORKSHOP,
  workshopField,
  type RegistrationFormValues,
} from './registration-form';

type SessionOfView = ConferenceView['sessions'][number];

/** The form as the page shows it: what was typed, what needs fixing, and what else to say. */
export interface EventFormState {
  readonly values: RegistrationFormValues;
  readonly errors: PageErrors;
  /** The address is already booked on this event: the page offers to send the booking mail again. */
  readonly alreadyRegistered?: boolean;
}

const freshForm: EventFormState = { values: emptyRegistrationForm, errors: noErrors };

const kindLabels = { keynote: 'Keynote', workshop: 'Workshop', networking: 'Networking' } as const;

const places = (left: number): string => (left === 1 ? '1 place left' : `${left} places left`);

/** What a capped session's places read: how many are left, or that its waiting list is open. */
const sessionPlaces = (s: SessionOfView): string | null => {
  if (s.placesLeft === null) return null;
  return s.placesLeft > 0 ? places(s.placesLeft) : 'Full – join the waiting list';
};

const timeOfDay = (wallClock: string): string => wallClock.slice(11, 16);
const dayOf = (wallClock: string): string => wallClock.slice(0, 10);

/** Sessions that overlap in time, earliest first: one slot of the programme, side by side when several. */
const timeSlots = (sessions: readonly SessionOfView[]): SessionOfView[][] => {
  const slots: { sessions: SessionOfView[]; endsAt: number }[] = [];
  const ordered = [...sessions].sort((a, b) => Date.parse(a.startsAtUtc) - Date.parse(b.startsAtUtc));
  for (const session of ordered) {
    const last = slots.at(-1);
    if (last && Date.parse(session.startsAtUtc) < last.endsAt) {
      last.sessions.push(session);
      last.endsAt = Math.max(last.endsAt, Date.parse(session.endsAtUtc));
    } else slots.push({ sessions: [session], endsAt: Date.parse(session.endsAtUtc) });
  }
  return slots.map((slot) => slot.sessions);
};

/** "11:00 to 12:00" on the event's first day; the full date on any other. */
const when = (view: ConferenceView, from: SessionOfView, to: SessionOfView): string =>
  dayOf(from.startsAt) === dayOf(view.startsAt) && dayOf(to.endsAt) === dayOf(view.startsAt)
    ? `${timeOfDay(from.startsAt)} to ${timeOfDay(to.endsAt)}`
    : formatRangeForUk(new Date(from.startsAtUtc), new Date(to.endsAtUtc), view.timezone);

const columnClass = (count: number): string =>
  count <= 1 ? 'full' : count === 2 ? 'one-half' : count === 3 ? 'one-third' : 'one-quarter';

/**
 * The programme in time order, sessions that run at the same time grouped in one slot; each slot with
 * capped sessions (workshops) is one question of the form, its radios named `workshop-<n>`.
 */
const programme = (view: ConferenceView, state: EventFormState, showPlaces: boolean) => {
  let choices = 0;
  return timeSlots(view.sessions).map((slot) => {
    const latest = slot.reduce((a, b) => (Date.parse(b.endsAtUtc) > Date.parse(a.endsAtUtc) ? b : a));
    const slotWhen = when(view, slot[0]!, latest);
    const capped = slot.filter((s) => s.placesLeft !== null);
    const field = capped.length > 0 ? workshopField((choices += 1)) : undefined;
    const chosen = field ? state.values.workshops[field] : undefined;
    return {
      when: slotWhen,
      parallel: slot.length > 1,
      column: columnClass(slot.length),
      sessions: slot.map((s) => ({
        title: s.title,
        kind: kindLabels[s.kind],
        // Its own times only where they differ from the slot's.
        when: when(view, s, s) === slotWhen ? null : when(view, s, s),
        places: showPlaces ? sessionPlaces(s) : null,
      })),
      choice: field && {
        name: field,
        legend: capped.length > 1 ? `Choose a workshop, ${slotWhen}` : `Workshop, ${slotWhen}`,
        errorMessage: state.errors.byField[field],
        items: [
          ...capped.map((s) => ({
            value: s.id,
            text: s.title,
            // The session's own times only where they differ from the slot's.
            hint: {
              text: [when(view, s, s), sessionPlaces(s)].filter((h) => h && h !== slotWhen).join(', '),
            },
            checked: chosen === s.id,
          })),
          { divider: 'or' },
          { value: NO_WORKSHOP, text: 'No workshop in this slot', checked: chosen === NO_WORKSHOP },
        ],
      },
    };
  });
};

/** Registration is open as the use-case decides it: a published event that has not started. */
const openForRegistration = (view: ConferenceView, at: Date): boolean =>
  registrationOpen({ status: view.status, startsAt: view.startsAtUtc }, at);

/** Why there is no form, said once: over, under way, or (to an organiser) not yet published. */
const closedBecause = (view: ConferenceView): { heading: string; text: string } => {
  if (view.finished) return { heading: 'Registration has closed', text: 'This event has finished.' };
  if (view.status === 'draft')
    return {
      heading: 'Registration has not opened',
      text: 'This event is a draft. Registration opens when it is published.',
    };
  return { heading: 'Registration has closed', text: 'This event has started.' };
};

/** What the event page shows, from the same view of the event the JSON route answers. */
export const eventPageModel = (view: ConferenceView, at: Date, state: EventFormState = freshForm) => {
  const open = openForRegistration(view, at);
  // Places left mean nothing once the event has started: no one can take them or wait for them.
  const showPlaces = open || view.status === 'draft';
  const slots = programme(view, state, showPlaces);
  return {
    title: 'Programme and registration',
    heading: view.title,
    serviceName: view.title,
    serviceUrl: `/events/${view.eventId}`,
    width: 'full' as const,
    errors: state.errors.summary,
    event: {
      when: formatRangeForUk(new Date(view.startsAtUtc), new Date(view.endsAtUtc), view.timezone),
      zoneNote: timezoneNote(view.timezone, new Date(view.startsAtUtc)),
      venueName: view.venue.name,
      venueAddress: view.venue.address ?? null,
      places: !showPlaces
        ? null
        : view.placesLeft > 0
          ? places(view.placesLeft)
          : 'None – you can join the waiting list',
      full: view.placesLeft === 0,
    },
    slots,
    closed: open ? null : closedBecause(view),
    form: open && {
      action: `/events/${view.eventId}/registrations`,
      token: issueFormToken(FormNames.register, view.eventId),
      values: state.values,
      errors: state.errors.byField,
      choices: slots.flatMap((slot) => (slot.choice ? [slot.choice] : [])),
      resend: state.alreadyRegistered
        ? {
            action: `/events/${view.eventId}/registrations/resend`,
            token: issueFormToken(FormNames.resend, view.eventId),
            email: state.values.email.trim(),
          }
        : null,
    },
  };
};

/** A cancelled event: gone (410), said in words. */
const cancelledPage = (view: ConferenceView): HttpResult =>
  html(
    410,
    renderPage('message.njk', {
      title: 'This event has been cancelled',
      serviceName: view.title,
      serviceUrl: `/events/${view.eventId}`,
      paragraphs: [
        `${view.title} on ${formatRangeForUk(new Date(view.startsAtUtc), new Date(view.endsAtUtc), view.timezone)} has been cancelled.`,
        'If you had a place or were on the waiting list, we have emailed you.',
      ],
    }),
  );

/**
 * The event page at `status`: the event, its programme and places, and the registration form (with the
 * state of a post that needs fixing) while registration is open. A cancelled event is a 410 page.
 */
export const eventPage = (
  view: ConferenceView,
  at: Date,
  state?: EventFormState,
  status = 200,
): HttpResult =>
  view.status === 'cancelled'
    ? cancelledPage(view)
    : html(status, renderPage('event/event.njk', eventPageModel(view, at, state)));
