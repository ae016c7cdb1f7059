import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { CampaignSendDue } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { startCampaign } from '../../shared/use-cases/campaigns/start';

export const handler = middy<BusEvent<[typeof CampaignSendDue]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(CampaignSendDue))
  .handler(async ({ parsed }) => startCampaign(parsed.detail.campaignId));
