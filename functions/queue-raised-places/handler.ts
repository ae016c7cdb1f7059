import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventUpdated } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { askToFillRaisedPlaces } from '../../shared/use-cases/registrations/ask-to-fill-places';

/** A raised capacity gives its new places to those waiting, as a cancellation does. */
export const handler = middy<BusEvent<[typeof EventUpdated]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(EventUpdated))
  .handler(async ({ id, parsed }) => askToFillRaisedPlaces(parsed.detail, id));
