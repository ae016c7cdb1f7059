import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { sesFromAddress } from '../../adapters/ses';
import { senderParts } from '../../mail/sender';
import { tokenKey } from '../../adapters/token-key';
import { EnvNames, requireEnv } from '../../config/env';
import type { RegistrationMailSpec } from '../../domain/mail/send-request';
import type { Registration } from '../../domain/registration';
import { signToken } from '../../domain/tokens';
import type { OutgoingMail } from '../../mail/mime';
import { outgoingTo } from './outgoing';
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

export const manageUrl = (registrationId: string, eventEndsAt: string): string => {
  const expires = new Date(new Date(eventEndsAt).getTime() + MANAGE_LINK_DAYS_AFTER_EVENT * 86_400_000);
  const token = signToken(tokenKey, 'manage', registrationId, expires);
  return `${publicUrl}/registrations/${registrationId}?token=${token}`;
};

/**
 * Renders a registration mail from the registration as it stands now. Undefined when there is nothing to
 * send any more: the registration was erased, or a later change overtook this mail.
 */
export const renderRegistrationMail = async (
  spec: RegistrationMailSpec,
  messageKey: string,
): Promise<OutgoingMail | undefined> => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!r?.delegate || r.status !== premise[spec.template]) return undefined;
  const found = await conferenceRepository.find(r.eventId);
  if (!found) return undefined;
  const { conference } = found;
  const byId = new Map(conference.sessions.map((s) => [s.id, s]));
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
      sessions: r.sessionOrder.flatMap((id) => {
        const s = byId.get(id);
        return s
          ? [
              {
                sessionId: id,
                title: s.title,
                startsAt: s.startsAt,
                endsAt: s.endsAt,
                status: r.sessions[id] === 'confirmed' ? ('confirmed' as const) : ('waitlisted' as const),
              },
            ]
          : [];
      }),
      manageUrl: manageUrl(r.registrationId, conference.endsAt),
      eventPlace:
        r.status === 'confirmed' ? 'confirmed' : r.status === 'cancelled' ? 'cancelled' : 'waitlisted',
      sequence: r.version,
    },
    senderParts(sesFromAddress),
  );
  return outgoingTo(r.delegate, rendered, messageKey);
};
