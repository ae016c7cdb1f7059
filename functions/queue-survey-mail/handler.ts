import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SurveyDue } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { queueSurveyMail } from '../../shared/use-cases/surveys/queue-survey-mail';

export const handler = middy<BusEvent<[typeof SurveyDue]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(SurveyDue))
  .handler(async ({ parsed }) => {
    await queueSurveyMail(parsed.detail);
  });
