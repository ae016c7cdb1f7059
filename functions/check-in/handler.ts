import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { checkInRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { checkIn, checkInByCode } from '../../shared/use-cases/registrations/check-in';

type Event = HttpEvent<typeof checkInRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ body: checkInRequest, params: eventPath }))
  .handler(async ({ input: { params, body } }) =>
    json(
      200,
      body.code !== undefined
        ? await checkInByCode(params.eventId, body.code)
        : await checkIn(params.eventId, body.registrationId ?? ''),
    ),
  );
