import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { registrationPath, sessionChangeRequest } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { postSessionChange } from '../../shared/pages/manage/booking-posts';
import { problemPages } from '../../shared/pages/problem-pages';
import { requestOwnSessionChange } from '../../shared/use-cases/registrations/request-own-session-change';

type Event = HttpEvent<typeof sessionChangeRequest, typeof registrationPath>;

// The manage page's change form posts the token and one field per time slot, form-encoded.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    publicContract({
      body: sessionChangeRequest,
      params: registrationPath,
      pages: problemPages,
    }),
  )
  .handler(async ({ input: { params, body, form }, headers }) =>
    form
      ? postSessionChange(params.registrationId, form, headers ?? {})
      : json(202, await requestOwnSessionChange(params.registrationId, body.token, body.sessions)),
  );
