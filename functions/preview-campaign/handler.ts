import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { campaignRequest } from '../../shared/api/campaign-schemas';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { previewCampaign } from '../../shared/use-cases/campaigns/preview';

type Event = HttpEvent<typeof campaignRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ body: campaignRequest, params: eventPath }))
  .handler(async ({ input }) => json(200, await previewCampaign(input.params.eventId, input.body)));
