import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import type { Conference, EventChange } from '../../domain/conference';
import { inviteSequence } from '../../domain/mail/invite-sequence';
import { programmeOf, type Registration } from '../../domain/registration';
import { renderEventChangeMessage } from '../../mail/event-change-message';
import type { OutgoingMail } from '../../mail/mime';
import { contactOf, replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';
import type { Renderer } from './renderers';
import { manageUrl } from './render-registration-mail';

type Held = Registration & { delegate: NonNullable<Registration['delegate']> };

const holding = (r: Registration | undefined, eventId: string): r is Held =>
  r?.delegate !== undefined &&
  r.eventId === eventId &&
  (r.status === 'confirmed' || r.status === 'waitlisted');

/**
 * A session's move concerns a delegate whose day holds it or may hold it (a session open to everyone,
 * for one still waiting for a place); the day's times and venue concern all.
 */
const concerning = (changes: readonly EventChange[], conference: Conference, r: Held): EventChange[] => {
  const day = new Set([
    ...programmeOf(conference, r).map((e) => e.session.id),
    ...conference.sessions.filter((s) => s.capacity === undefined).map((s) => s.id),
  ]);
  return changes.filter((c) => c.what !== 'session' || day.has(c.sessionId));
};

const render = (
  kind: 'changed' | 'cancelled',
  r: Held,
  conference: Conference,
  changes: readonly EventChange[],
  messageKey: string,
): OutgoingMail => {
  const day = programmeOf(conference, r);
  const rendered = renderEventChangeMessage(
    {
      kind,
      registrationId: r.registrationId,
      delegate: { name: r.delegate.name, email: r.delegate.email },
      event: conference,
      changes,
      sessions: kind === 'cancelled' ? [] : day.map((e) => ({ ...e.session, status: e.status })),
      manageUrl: manageUrl(r, conference.endsAt),
      hasPlace: r.status === 'confirmed',
      sequence: inviteSequence(r.version, conference.version),
    },
    contactOf(conference),
  );
  return outgoingTo(r.delegate, { ...rendered, ...replyToOf(conference) }, messageKey);
};

/**
 * Renders the "the event has changed" mail at send time: the change as announced, narrowed to what
 * concerns the delegate, and the day and invite as they are now. Undefined when it should no longer go:
 * the delegate cancelled or was erased, the event was cancelled since or is over, or nothing in the
 * change concerns them (a workshop they are not in moved).
 */
export const renderEventChangeMail: Renderer<'event-change'> = async (spec, messageKey) => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!holding(r, spec.eventId)) return undefined;
  const conference = (await conferenceRepository.find(spec.eventId))?.conference;
  if (conference?.status !== 'published' || new Date(conference.endsAt) <= now()) return undefined;
  const changes = concerning(spec.changes, conference, r);
  return changes.length > 0 ? render('changed', r, conference, changes, messageKey) : undefined;
};

/** Renders the cancellation of the event for a delegate who held a place or waited for one. */
export const renderEventCancelledMail: Renderer<'event-cancelled'> = async (spec, messageKey) => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!holding(r, spec.eventId)) return undefined;
  const conference = (await conferenceRepository.find(spec.eventId))?.conference;
  if (conference?.status !== 'cancelled') return undefined;
  return render('cancelled', r, conference, [], messageKey);
};
