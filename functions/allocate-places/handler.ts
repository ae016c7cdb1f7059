import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { RegistrationRequested } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { allocatePlaces } from '../../shared/use-cases/registrations/allocate';

export const handler = middy<BusEvent<[typeof RegistrationRequested]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(RegistrationRequested))
  .handler(async ({ parsed }) => allocatePlaces(parsed.detail.registrationId));
