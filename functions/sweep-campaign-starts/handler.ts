import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import { sweepCampaignStarts, type StartSweepResult } from '../../shared/use-cases/campaigns/sweep-starts';

/** Every minute (a schedule trigger): starts again the due campaigns whose start was lost. */
export const handler = middy<unknown, StartSweepResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => sweepCampaignStarts());
