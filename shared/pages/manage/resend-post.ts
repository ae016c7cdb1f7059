import { resendRequest } from '../../api/resend-schemas';
import type { HttpResult } from '../../http/respond';
import { publicEvent } from '../../use-cases/registrations/show-booking';
import { requestBookingMail } from '../../use-cases/resend/request-booking-mail';
import { freshForm, type Form, type Headers } from './fresh-form';
import { OUT_OF_DATE, resendPage, resendSentPage } from './manage-pages';
import { FormNames } from '../form-guard';

/** The resend form posted (from a bad link's page): the same neutral answer whether or not it is registered. */
export const postResend = async (eventId: string, fields: Form, headers: Headers): Promise<HttpResult> => {
  const event = await publicEvent(eventId);
  const email = fields.email ?? '';
  if (!freshForm(headers, FormNames.resend, eventId, fields))
    return resendPage(event, { email, error: OUT_OF_DATE });
  const parsed = resendRequest.safeParse({ email });
  if (!parsed.success) {
    const error = email.trim()
      ? 'Enter an email address in the correct format, like name@example.com'
      : 'Enter your email address';
    return resendPage(event, { email, error });
  }
  await requestBookingMail(eventId, parsed.data.email);
  return resendSentPage(event);
};
