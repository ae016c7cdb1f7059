import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { socialPostPath, updateSocialPostRequest } from '../../shared/api/social-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { updateSocialPost } from '../../shared/use-cases/social/manage';

type Event = HttpEvent<typeof updateSocialPostRequest, typeof socialPostPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ body: updateSocialPostRequest, params: socialPostPath }))
  .handler(async ({ input }) => json(200, await updateSocialPost(input.params.postId, input.body)));
