import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventRegistrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { registrationMails } from '../../shared/use-cases/delivery/mail-records';

type Event = HttpEvent<undefined, typeof eventRegistrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: eventRegistrationPath }))
  .handler(async ({ input: { params } }) =>
    json(200, await registrationMails(params.eventId, params.registrationId)),
  );
