import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { createSocialPostRequest } from '../../shared/api/social-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { createSocialPost } from '../../shared/use-cases/social/manage';

type Event = HttpEvent<typeof createSocialPostRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ body: createSocialPostRequest, params: eventPath }))
  .handler(async ({ input }) => json(201, await createSocialPost(input.params.eventId, input.body)));
