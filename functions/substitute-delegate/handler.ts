import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventRegistrationPath, substitutionRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { substituteDelegate } from '../../shared/use-cases/registrations/substitute';

type Event = HttpEvent<typeof substitutionRequest, typeof eventRegistrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ body: substitutionRequest, params: eventRegistrationPath }))
  .handler(async ({ input }) =>
    json(200, await substituteDelegate(input.params.eventId, input.params.registrationId, input.body)),
  );
