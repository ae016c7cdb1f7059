import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventCancelled, EventUpdated } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { queueEventChangeMail } from '../../shared/use-cases/event-changes/queue-event-change-mail';

const contracts = [EventUpdated, EventCancelled] as const;

export const handler = middy<BusEvent<typeof contracts>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(...contracts))
  .handler(async ({ parsed }) => {
    await queueEventChangeMail(parsed);
  });
