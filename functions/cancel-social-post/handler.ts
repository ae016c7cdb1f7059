import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { socialPostPath } from '../../shared/api/social-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { cancelSocialPost } from '../../shared/use-cases/social/cancel';

type Event = HttpEvent<undefined, typeof socialPostPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: socialPostPath }))
  .handler(async ({ input }) => json(200, await cancelSocialPost(input.params.postId)));
