import { holderOf, manageSubject } from '../../domain/registration/manage-subject';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { tokenKey } from '../../adapters/token-key';
import { EnvNames, requireEnv } from '../../config/env';
import type { RegistrationMailSpec } from '../../domain/mail/send-request';
import { programmeOf, type Registration } from '../../domain/registration';
import { checkInCode, signToken } from '../../domain/tokens';
import { checkInQrImage } from '../../mail/check-in-qr';
import type { OutgoingMail } from '../../mail/mime';
import { inviteSequence } from '../../domain/mail/invite-sequence';
import { contactOf, replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';
import { renderSubstitutionMail } from './render-substitution-note';
import { renderRegistrationMessage, type RegistrationMessageKind } from '../../mail/registration-message';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');
const MANAGE_LINK_DAYS_AFTER_EVENT = 30;

/** The registration status a mail of each kind speaks of; a mail overtaken by a later change is not sent. */
const premise: Record<RegistrationMessageKind, Registration['status']> = {
  confirmed: 'confirmed',
  promoted: 'confirmed',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
};

/** The manage link of a registration, for its current holder (a substitution retires the last one's). */
export const manageUrl = (
  r: Pick<Registration, 'registrationId' | 'formerDelegates'>,
  eventEndsAt: string,
): string => {
  const expires = new Date(new Date(eventEndsAt).getTime() + MANAGE_LINK_DAYS_AFTER_EVENT * 86_400_000);
  const subject = manageSubject({ registrationId: r.registrationId, holder: holderOf(r) });
  const token = signToken(tokenKey, 'manage', subject, expires);
  return `${publicUrl}/registrations/${r.registrationId}?token=${token}`;
};

/**
 * Renders a registration mail from the registration as it stands now. Undefined when there is nothing to
 * send any more: the registration was erased, or a later change overtook this mail.
 */
export const renderRegistrationMail = async (
  spec: RegistrationMailSpec,
  messageKey: string,
): Promise<OutgoingMail | undefined> => {
  if (spec.template === 'substituted') return renderSubstitutionMail(spec, messageKey);
  const r = await registrationRepository.find(spec.registrationId);
  if (!r?.delegate || r.status !== premise[spec.template]) return undefined;
  const found = await conferenceRepository.find(r.eventId);
  if (!found) return undefined;
  const { conference } = found;
  const code = r.status === 'confirmed' ? checkInCode(tokenKey, r.registrationId) : undefined;
  const rendered = renderRegistrationMessage(
    {
      kind: spec.template,
      registrationId: r.registrationId,
      delegate: { name: r.delegate.name, email: r.delegate.email },
      event: {
        eventId: conference.eventId,
        title: conference.title,
        timezone: conference.timezone,
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        venue: conference.venue,
      },
      sessions: programmeOf(conference, r).map(({ session, status }) => ({
        sessionId: session.id,
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        status,
      })),
      manageUrl: manageUrl(r, conference.endsAt),
      ...(code ? { checkInCode: code, checkInQr: await checkInQrImage(code) } : {}),
      eventPlace:
        r.status === 'confirmed' ? 'confirmed' : r.status === 'cancelled' ? 'cancelled' : 'waitlisted',
      sequence: inviteSequence(r.version, conference.version),
    },
    contactOf(conference),
  );
  const mail = outgoingTo(r.delegate, { ...rendered, ...replyToOf(conference) }, messageKey);
  return rendered.images ? { ...mail, images: rendered.images } : mail;
};
