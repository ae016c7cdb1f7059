import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { registrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { showRegistration } from '../../shared/use-cases/registrations/show';

type Event = HttpEvent<undefined, typeof registrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', params: registrationPath }))
  .handler(async ({ input }) => json(200, await showRegistration(input.params.registrationId)));
