import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { organiserRegistrationRequest, registrationRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { bookForDelegate } from '../../shared/use-cases/registrations/book-for-delegate';
import { requestRegistration } from '../../shared/use-cases/registrations/register';

type Event = HttpEvent<typeof organiserRegistrationRequest, typeof eventPath>;

/** Public registration; with an organiser's token, a booking decided at once (overbook, checkIn). */
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    httpContract({
      auth: 'public',
      optionalCaller: 'organisers',
      body: organiserRegistrationRequest,
      bodyWithoutCaller: registrationRequest,
      params: eventPath,
    }),
  )
  .handler(async ({ input }) =>
    json(
      202,
      input.caller
        ? await bookForDelegate(input.params.eventId, input.body)
        : await requestRegistration(input.params.eventId, input.body),
    ),
  );
