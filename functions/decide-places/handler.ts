import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/adapters/observability';
import { decideQueuedPlaces } from '../../shared/use-cases/registrations/decide-places';

// In order: a failed message comes back with every message after it (shared/queue/each-in-order.ts).
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => decideQueuedPlaces(event));
