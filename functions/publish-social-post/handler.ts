import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SocialPostDue } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { publishSocialPost } from '../../shared/use-cases/social/publish';

export const handler = middy<BusEvent<[typeof SocialPostDue]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(SocialPostDue))
  .handler(async ({ parsed }) => publishSocialPost(parsed.detail));
