import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { RegistrationCancelled } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { askToFillPlaces } from '../../shared/use-cases/registrations/ask-to-fill-places';

export const handler = middy<BusEvent<[typeof RegistrationCancelled]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(RegistrationCancelled))
  .handler(async ({ id, parsed }) =>
    askToFillPlaces(RegistrationCancelled, parsed.detail, parsed.detail.eventId, id),
  );
