import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SessionChangeRequested } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { performSessionChange } from '../../shared/use-cases/registrations/change-sessions';

export const handler = middy<BusEvent<[typeof SessionChangeRequested]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(SessionChangeRequested))
  .handler(async ({ parsed }) => performSessionChange(parsed.detail));
