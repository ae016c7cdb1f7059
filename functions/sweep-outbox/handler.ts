import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import { sweepOutbox, type SweepResult } from '../../shared/use-cases/outbox/sweep';

/** Every minute (a schedule trigger): puts on the bus what the bus refused before. */
export const handler = middy<unknown, SweepResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => sweepOutbox());
