import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { registrationPath, sessionChangeRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { requestOwnSessionChange } from '../../shared/use-cases/registrations/request-own-session-change';

type Event = HttpEvent<typeof sessionChangeRequest, typeof registrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', body: sessionChangeRequest, params: registrationPath }))
  .handler(async ({ input: { params, body } }) =>
    json(202, await requestOwnSessionChange(params.registrationId, body.token, body.sessions)),
  );
