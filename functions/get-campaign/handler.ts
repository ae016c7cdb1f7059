import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { campaignPath } from '../../shared/api/campaign-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { showCampaign } from '../../shared/use-cases/campaigns/show';

type Event = HttpEvent<undefined, typeof campaignPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: campaignPath }))
  .handler(async ({ input }) => json(200, await showCampaign(input.params.campaignId)));
