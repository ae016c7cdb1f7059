import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { now } from '../../clock';
import { reminderMessageKey } from '../../domain/mail/send-request';
import { programmeOf } from '../../domain/registration';
import { reminderPlan } from '../../domain/reminders/plan';
import { renderReminderMessage } from '../../mail/reminder-message';
import { contactOf, replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';
import type { Renderer } from './renderers';
import { manageUrl } from './render-registration-mail';

/**
 * Renders one delegate's reminder from the registration and the event as they stand at send time.
 * Undefined when it should no longer go: the delegate is no longer confirmed or was erased, the event
 * was cancelled or is over, or this step is no longer in the plan at the instant the mail was keyed by
 * (removed, or moved since: a moved step is a new message).
 */
export const renderReminderMail: Renderer<'reminder'> = async (spec, messageKey) => {
  const r = await registrationRepository.find(spec.registrationId);
  if (!r?.delegate || r.status !== 'confirmed' || r.eventId !== spec.eventId) return undefined;
  const found = await conferenceRepository.find(spec.eventId);
  if (!found) return undefined;
  const { conference } = found;
  if (conference.status !== 'published' || new Date(conference.endsAt) <= now()) return undefined;
  const step = reminderPlan(conference).find((s) => s.reminderKey === spec.reminderKey);
  if (!step || reminderMessageKey(spec.eventId, step.reminderKey, step.dueAt) !== messageKey)
    return undefined;

  const rendered = renderReminderMessage(
    {
      delegate: { name: r.delegate.name },
      event: {
        title: conference.title,
        timezone: conference.timezone,
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        venue: conference.venue,
      },
      step: step.step,
      sessions: programmeOf(conference, r).map(({ session, status }) => ({
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        status,
      })),
      manageUrl: manageUrl(r, conference.endsAt),
    },
    contactOf(conference),
  );
  return outgoingTo(r.delegate, { ...rendered, ...replyToOf(conference) }, messageKey);
};
