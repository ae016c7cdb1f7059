import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { cancelRequest, registrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { postCancellation } from '../../shared/pages/manage/booking-posts';
import { problemPages } from '../../shared/pages/problem-pages';
import { requestCancellation } from '../../shared/use-cases/registrations/request-cancellation';

type Event = HttpEvent<typeof cancelRequest, typeof registrationPath>;

// The manage page's "Yes, cancel my booking" posts the same token form-encoded, with its form value.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ body: cancelRequest, params: registrationPath, pages: problemPages }))
  .handler(async ({ input: { params, body, form }, headers }) =>
    form
      ? postCancellation(params.registrationId, form, headers ?? {})
      : json(202, await requestCancellation(params.registrationId, body.token)),
  );
