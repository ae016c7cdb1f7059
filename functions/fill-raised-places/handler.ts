import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventUpdated } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { fillFreePlaces } from '../../shared/use-cases/registrations/promote';

/** A raised capacity gives its new places to those waiting, as a cancellation does. */
export const handler = middy<BusEvent<[typeof EventUpdated]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(EventUpdated))
  .handler(async ({ parsed }) => {
    await fillFreePlaces(parsed.detail.event.eventId);
  });
