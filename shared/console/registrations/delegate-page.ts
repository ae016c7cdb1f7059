import { formatMomentForUk, formatRangeForUk, timezoneNote } from '../../domain/wall-clock';
import type { HttpResult } from '../../http/respond';
import { registrationMails } from '../../use-cases/delivery/mail-records';
import {
  showRegistrationForOrganiser,
  type OrganiserRegistrationDetail,
} from '../../use-cases/registrations/show-for-organiser';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { registrationLinks, type DelegateDone } from './registration-links';
import { erasedBanner } from '../gdpr/erasure-words';
import { mailStateTags, statusTagOf } from './registration-words';

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** The banner after a post: what was done, or, while a change on the bus has not shown yet, what will be. */
const bannerOf = (done: DelegateDone | undefined, pending: boolean, name: string | undefined) => {
  switch (done) {
    case 'added':
      return 'Delegate added. We are emailing them their booking.';
    case 'moved':
      return pending
        ? 'The move is being made. This page shows it within seconds.'
        : 'Their workshops have changed. We are emailing them their updated booking.';
    case 'unchanged':
      return 'Nothing changed: those are already their workshops.';
    case 'substituted':
      return `The place has been passed on${name ? ` to ${name}` : ''}. We are emailing them their booking, and the previous delegate a short note.`;
    case 'cancelled':
      return pending
        ? 'The cancellation is being made. This page shows it within seconds.'
        : 'Their booking is cancelled. Any places they held have gone to those waiting, and we are emailing them to confirm.';
    case 'erased':
      return 'Their personal data has been erased.';
    default:
      return undefined;
  }
};

const DONE: readonly DelegateDone[] = ['added', 'moved', 'unchanged', 'substituted', 'cancelled', 'erased'];

/** What an organiser may do for the delegate now, as the use-cases would allow it. */
const actionsOf = (d: OrganiserRegistrationDetail, eventId: string) => {
  const r = d.registration;
  const holds = r.status === 'confirmed' || r.status === 'waitlisted';
  const workshops = d.conference.sessions.some((s) => s.capacity !== undefined);
  const id = r.registrationId;
  return [
    ...(holds && d.changesOpen && workshops
      ? [{ href: registrationLinks.sessions(eventId, id), text: 'Move to other workshops' }]
      : []),
    ...(holds && r.delegate
      ? [{ href: registrationLinks.substitute(eventId, id), text: 'Pass the place to a colleague' }]
      : []),
    ...(r.status !== 'cancelled' && r.status !== 'rejected'
      ? [{ href: registrationLinks.cancel(eventId, id), text: 'Cancel their booking' }]
      : []),
    ...(r.delegate
      ? [{ href: registrationLinks.erase(eventId, id), text: 'Erase their personal data' }]
      : []),
  ];
};

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

/** The summary list under the status: the delegate's details (or when they were erased), then the booking's. */
const detailRows = (d: OrganiserRegistrationDetail, when: (at: string | undefined) => string) => {
  const r = d.registration;
  const delegate = r.delegate;
  return [
    ...(delegate
      ? [
          row('Email', delegate.email),
          row('School or organisation', delegate.organisation ?? 'Not given'),
          row('Role', delegate.role ?? 'Not given'),
          row('Access needs', delegate.accessNeeds ?? 'None given'),
          row('Dietary needs', delegate.dietary ?? 'None given'),
          row('News of other events by email', delegate.consent.updates ? 'Yes' : 'No'),
        ]
      : [row('Personal data', `Erased ${when(r.erasedAt)}`)]),
    row('Registered', when(r.requestedAt)),
    row('Booked by', r.bookedBy === 'organiser' ? 'An organiser' : 'The delegate'),
    ...(r.cancelledAt ? [row('Cancelled', when(r.cancelledAt))] : []),
    row('Checked in', r.attendedAt ? when(r.attendedAt) : 'No'),
    ...(d.checkInCode ? [row('Check-in code', d.checkInCode)] : []),
  ];
};

/** One delegate: their details, booking, day, check-in, what can be done for them, and every mail to them. */
export const delegatePage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const registrationId = request.params.registrationId ?? '';
  const d = await showRegistrationForOrganiser(eventId, registrationId);
  const { mails } = await registrationMails(eventId, registrationId);
  const { registration: r, conference } = d;
  const zone = conference.timezone;
  const when = (at: string | null | undefined) => (at ? formatMomentForUk(new Date(at), zone) : '');
  const done = DONE.find((x) => x === request.query.done);
  const since = Number(request.query.pending);
  const pending = Number.isInteger(since) && r.version <= since;
  return consolePage(request, 'registrations/detail.njk', {
    title: r.delegate?.name ?? 'Erased delegate',
    event: { id: eventId, title: conference.title, section: 'registrations' },
    backLink: { href: registrationLinks.list(eventId), text: 'All registrations' },
    banner: erasedBanner(
      bannerOf(done, pending, done === 'substituted' ? r.delegate?.name : undefined),
      done,
      r,
    ),
    awaiting: pending ? { version: r.version } : undefined,
    status: statusTagOf(r.status),
    waitingPosition: d.eventWaitingPosition ? ordinal(d.eventWaitingPosition) : undefined,
    overbooked: r.overbookedAt !== undefined,
    details: detailRows(d, when),
    day: d.day.map((entry) => ({
      title: entry.session.title,
      when: formatRangeForUk(new Date(entry.session.startsAt), new Date(entry.session.endsAt), zone),
      place:
        entry.status === 'confirmed'
          ? 'Place'
          : entry.waitingPosition
            ? `Waiting list (${ordinal(entry.waitingPosition)})`
            : 'Waiting list',
    })),
    actions: actionsOf(d, eventId),
    mails: mails.map((m) => ({
      label: m.label,
      subject: m.subject,
      when: when(m.settledAt ?? m.queuedAt),
      state: mailStateTags[m.state],
      explanation: m.explanation,
    })),
    zoneNote: timezoneNote(zone, new Date(conference.startsAt)),
    version: r.version,
  });
};
