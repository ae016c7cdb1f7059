import type { BookingMailRequested } from '../../../events/booking-mail-requested';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { resendRepository } from '../../adapters/dynamo/resend-repository';
import { bookingResendMessageKey } from '../../domain/mail/send-request';
import {
  bookingTemplate,
  hourOf,
  RESEND_COUNTER_KEPT_SECONDS,
  RESENDS_PER_HOUR,
} from '../../domain/resend/booking-mail';
import { queueMails } from '../mail/queue-mail';

/**
 * Sends the delegate's booking mail again, as the registration now stands (confirmation or waiting-list
 * mail, with the manage link). Every request counts against the address's hourly limit, registered or
 * not; beyond it, or for an address with no live booking, nothing is sent.
 */
export const sendBookingMail = async (request: BookingMailRequested): Promise<void> => {
  const hour = hourOf(request.requestedAt);
  const expiresAt = Math.floor(new Date(`${hour}:00:00Z`).getTime() / 1000) + RESEND_COUNTER_KEPT_SECONDS;
  if (!(await resendRepository.admit(request, hour, RESENDS_PER_HOUR, expiresAt))) return;
  const registrationId = await resendRepository.holder(request.eventId, request.addressDigest);
  const r = registrationId ? await registrationRepository.find(registrationId) : undefined;
  const template = r?.delegate ? bookingTemplate(r.status) : undefined;
  if (!r || !template) return;
  await queueMails(r.eventId, [
    {
      messageKey: bookingResendMessageKey(r.registrationId, request.requestedAt),
      spec: { kind: 'registration', template, registrationId: r.registrationId, version: r.version },
    },
  ]);
};
