import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { RegistrationCancelled } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { fillFreePlaces } from '../../shared/use-cases/registrations/promote';

export const handler = middy<BusEvent<[typeof RegistrationCancelled]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(RegistrationCancelled))
  .handler(async ({ parsed }) => {
    await fillFreePlaces(parsed.detail.eventId);
  });
