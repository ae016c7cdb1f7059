import { registrationRequest } from '../../api/registration-schemas';
import { now } from '../../clock';
import { tokenKey } from '../../adapters/token-key';
import { decoyRegistrationId } from '../../domain/abuse/decoy-registration';
import { caughtByHoneypot } from '../../domain/abuse/sign-up-rules';
import { newId } from '../../domain/ids';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { conferenceQueries } from '../../use-cases/conference-queries';
import { requestRegistration } from '../../use-cases/registrations/register';
import { clientOf } from '../../use-cases/abuse/client-of';
import { pageErrors } from '../form-errors';
import { FormNames, checkFormToken, postedFromAnotherSite } from '../form-guard';
import { eventPage, eventPageModel } from './event-page';
import { problemsOnFields, readRegistrationForm, registrationFieldCopy } from './registration-form';

type Headers = Readonly<Record<string, string | undefined>>;

const OUT_OF_DATE = 'The form was out of date. Check your answers and submit again.';

/**
 * A browser's post of the event page's form: the same request and use-case as the JSON route. On
 * success, 303 to the registration's status page; otherwise the event page again at the refusal's
 * status, the values kept and each problem beside its field. A second post of the same rendering (a
 * double click) is sent to the registration the first made.
 */
export const registerFromForm = async (
  eventId: string,
  headers: Headers,
  form: Readonly<Record<string, string>>,
): Promise<HttpResult> => {
  const view = await conferenceQueries.showPublished(eventId);
  const at = now();
  const { values, request, sessionFields } = readRegistrationForm(form);
  const slots = eventPageModel(view, at).slots.flatMap((slot) => (slot.choice ? [slot.choice.name] : []));
  const again = (status: number, problems: readonly FieldProblem[], said: Record<string, string> = {}) => {
    const fields = registrationFieldCopy(values, slots, said);
    // A problem with no field of its own (an out-of-date form) is listed at the top, linked to the button.
    const errors = pageErrors(problemsOnFields(problems, sessionFields), fields, { id: 'register' });
    return eventPage(view, at, { values, errors, alreadyRegistered: said.email !== undefined }, status);
  };

  const token = checkFormToken(FormNames.register, eventId, form.formToken);
  if (postedFromAnotherSite(headers) || !token.ok) return again(403, [{ path: '', message: OUT_OF_DATE }]);

  const parsed = registrationRequest.safeParse(request);
  if (!parsed.success) return again(400, problemsOf(parsed.error, ''));
  // A robot filled the hidden field: the answer a person gets, with nothing stored and nothing sent; the
  // page it is sent to says "We are booking your place", as a person's does (decoy-registration.ts).
  if (caughtByHoneypot(form))
    return seeOther(`/registrations/${decoyRegistrationId(tokenKey, newId('reg'))}`);
  try {
    const { registrationId } = await requestRegistration(
      eventId,
      parsed.data,
      token.nonce,
      await clientOf(headers),
    );
    return seeOther(`/registrations/${registrationId}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'already_registered') {
      const message = 'This email address is already registered for this event';
      return again(409, [{ path: 'email', message }], { email: message });
    }
    if (error.code === 'registration_closed') return eventPage(view, at, undefined, 409);
    if (error.kind === 'invalid') return again(400, error.details);
    throw error;
  }
};
