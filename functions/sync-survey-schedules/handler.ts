import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventCancelled, EventPublished, EventUpdated } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { syncSurveyOnChange } from '../../shared/use-cases/surveys/sync-survey-schedules';

const contracts = [EventPublished, EventUpdated, EventCancelled] as const;

export const handler = middy<BusEvent<typeof contracts>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(...contracts))
  .handler(async ({ parsed }) => syncSurveyOnChange(parsed));
