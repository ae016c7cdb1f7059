import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { waitingList } from '../../adapters/dynamo/waiting-list';
import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import type { Conference, Session } from '../../domain/conference';
import { isDecoyRegistrationId } from '../../domain/abuse/decoy-registration';
import { DomainError, notFound } from '../../domain/errors';
import { programmeOf, type Registration } from '../../domain/registration';
import { checkInCode, checkToken } from '../../domain/tokens';
import { requireCurrentHolder, requireManageToken } from './manage-token';
import { showRegistration } from './show';

/** One session of the delegate's day, with their place on its waiting list when they wait for it. */
export interface BookedSession {
  readonly session: Session;
  readonly status: 'confirmed' | 'waitlisted';
  readonly chosen: boolean;
  /** 1 for the next to get a seat; only for a workshop a confirmed delegate waits for. */
  readonly waitingPosition?: number;
}

/** A booking as its manage link shows it: the registration, its event, the delegate's day. */
export interface Booking {
  readonly registration: Registration;
  readonly conference: Conference;
  readonly seats: { readonly sessions: Readonly<Record<string, number>> };
  readonly day: readonly BookedSession[];
  /** The delegate's place on the event's waiting list, while they wait for an event place. */
  readonly eventWaitingPosition?: number;
  /** Shown at the door; only while the delegate holds a place. */
  readonly checkInCode?: string;
  /** Workshops can change while the event is published and not over (as the change use-case checks). */
  readonly changesOpen: boolean;
}

/**
 * The manage link's token checked as the change and cancel routes check it, except that an expired link
 * says so (410) rather than that it is wrong (403): the delegate then knows to ask for a new one.
 */
const checkManageLink = (registrationId: string, token: string): number => {
  const checked = checkToken(tokenKey, 'manage', token, now());
  if (!checked.ok && checked.reason === 'expired') {
    throw new DomainError('gone', 'link_expired', 'This link has expired.');
  }
  return requireManageToken(registrationId, token);
};

/** The delegate's day, with their place on each waiting list they are on. */
export const dayOf = async (conference: Conference, r: Registration): Promise<BookedSession[]> =>
  Promise.all(
    programmeOf(conference, r).map(async (entry) =>
      r.status === 'confirmed' && entry.status === 'waitlisted'
        ? { ...entry, waitingPosition: await waitingList.positionForSession(r, entry.session.id) }
        : entry,
    ),
  );

/** The booking a manage link names, as it stands; 403/410 for a link that is not (or no longer) valid. */
export const showBooking = async (registrationId: string, token: string): Promise<Booking> => {
  const holder = checkManageLink(registrationId, token);
  const registration = await registrationRepository.find(registrationId);
  if (!registration) throw notFound('The registration');
  requireCurrentHolder(registration, holder);
  const found = await conferenceRepository.find(registration.eventId);
  if (!found) throw notFound('The event');
  const { conference, seats } = found;
  const confirmed = registration.status === 'confirmed';
  return {
    registration,
    conference,
    seats,
    day: await dayOf(conference, registration),
    ...(registration.status === 'waitlisted'
      ? { eventWaitingPosition: await waitingList.positionForEvent(registration) }
      : {}),
    ...(confirmed ? { checkInCode: checkInCode(tokenKey, registrationId) } : {}),
    changesOpen: conference.status === 'published' && now() < new Date(conference.endsAt),
  };
};

/** The public status a delegate sees after registering (no token, no personal data) and its event's title. */
export const showOutcome = async (registrationId: string) => {
  const status = await showRegistration(registrationId).catch((error: unknown) => {
    // The honeypot's answer (nothing was stored): the page a person sees while their place is booked.
    if (
      error instanceof DomainError &&
      error.kind === 'not_found' &&
      isDecoyRegistrationId(tokenKey, registrationId)
    )
      return { registrationId, eventId: '', status: 'pending' as const, sessions: [], day: [] };
    throw error;
  });
  const found = status.eventId ? await conferenceRepository.find(status.eventId) : undefined;
  return {
    status,
    event: found
      ? {
          eventId: found.conference.eventId,
          title: found.conference.title,
          timezone: found.conference.timezone,
        }
      : undefined,
  };
};

/** The event a registration belongs to (public, as GET /registrations/{id} shows), for a bad link's resend form. */
export const eventOfRegistration = async (registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  const found = r && (await conferenceRepository.find(r.eventId));
  return found ? { eventId: found.conference.eventId, title: found.conference.title } : undefined;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, briefly, until a change asked for on the bus has reached the registration (its version grew), so
 * the page the browser is sent to next usually shows it done. The page still says so when it has not.
 */
export const awaitBookingChange = async (
  registrationId: string,
  sinceVersion: number,
  timeoutMs = 4000,
): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.version > sinceVersion) return true;
    if (Date.now() >= deadline) return false;
    await pause(200);
  }
};

/** A published (or cancelled) event's id and title, for a page about it; 404 for a draft or unknown one. */
export const publicEvent = async (eventId: string) => {
  const found = await conferenceRepository.find(eventId);
  if (!found || found.conference.status === 'draft') throw notFound('The event');
  return { eventId, title: found.conference.title };
};
