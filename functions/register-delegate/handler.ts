import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { organiserRegistrationRequest, registrationRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { registerFromForm } from '../../shared/pages/event/register-page';
import { problemPages } from '../../shared/pages/problem-pages';
import { bookForDelegate } from '../../shared/use-cases/registrations/book-for-delegate';
import { requestRegistration } from '../../shared/use-cases/registrations/register';
import { clientOf } from '../../shared/use-cases/abuse/client-of';

type Event = HttpEvent<typeof organiserRegistrationRequest, typeof eventPath>;

/**
 * Public registration; with an organiser's token, a booking decided at once (overbook, checkIn). The
 * event page's form posts here too (form-encoded): that answer is a page or a redirect.
 */
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    httpContract({
      body: organiserRegistrationRequest,
      bodyWithoutCaller: registrationRequest,
      params: eventPath,
      pages: problemPages,
    }),
  )
  .handler(async ({ input, headers }) => {
    const { eventId } = input.params;
    if (input.form) return registerFromForm(eventId, headers ?? {}, input.form);
    return json(
      202,
      input.caller
        ? await bookForDelegate(eventId, input.body)
        : await requestRegistration(eventId, input.body, undefined, await clientOf(headers ?? {})),
    );
  });
