import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { CancellationRequested } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { performCancellation } from '../../shared/use-cases/registrations/cancel';

export const handler = middy<BusEvent<[typeof CancellationRequested]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(CancellationRequested))
  .handler(async ({ parsed }) => performCancellation(parsed.detail.registrationId));
