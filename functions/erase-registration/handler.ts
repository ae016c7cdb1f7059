import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventRegistrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { noContent, type HttpResult } from '../../shared/http/respond';
import { eraseRegistration } from '../../shared/use-cases/registrations/erase';

type Event = HttpEvent<undefined, typeof eventRegistrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'organisers', params: eventRegistrationPath }))
  .handler(async ({ input }) => {
    await eraseRegistration(input.params.eventId, input.params.registrationId);
    return noContent();
  });
