import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventRegistrationPath, organiserSessionChangeRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { changeSessionsForDelegate } from '../../shared/use-cases/registrations/request-session-change';

type Event = HttpEvent<typeof organiserSessionChangeRequest, typeof eventRegistrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ body: organiserSessionChangeRequest, params: eventRegistrationPath }))
  .handler(async ({ input: { params, body } }) =>
    json(202, await changeSessionsForDelegate(params.eventId, params.registrationId, body.sessions)),
  );
