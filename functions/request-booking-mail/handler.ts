import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { resendRequest } from '../../shared/api/resend-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { requestBookingMail } from '../../shared/use-cases/resend/request-booking-mail';

type Event = HttpEvent<typeof resendRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', body: resendRequest, params: eventPath }))
  .handler(async ({ input }) => json(202, await requestBookingMail(input.params.eventId, input.body.email)));
