import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { cancelRequest, registrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { requestCancellation } from '../../shared/use-cases/registrations/request-cancellation';

type Event = HttpEvent<typeof cancelRequest, typeof registrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', body: cancelRequest, params: registrationPath }))
  .handler(async ({ input }) =>
    json(202, await requestCancellation(input.params.registrationId, input.body.token)),
  );
