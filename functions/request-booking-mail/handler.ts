import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { resendRequest } from '../../shared/api/resend-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { postResend } from '../../shared/pages/manage/resend-post';
import { problemPages } from '../../shared/pages/problem-pages';
import { requestBookingMail } from '../../shared/use-cases/resend/request-booking-mail';

type Event = HttpEvent<typeof resendRequest, typeof eventPath>;

// A bad manage link's page offers this form: it posts the address form-encoded and gets a page back.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ body: resendRequest, params: eventPath, pages: problemPages }))
  .handler(async ({ input: { params, body, form }, headers }) =>
    form
      ? postResend(params.eventId, form, headers ?? {})
      : json(202, await requestBookingMail(params.eventId, body.email)),
  );
