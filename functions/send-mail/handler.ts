import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/adapters/observability';
import { sendMailBatch } from '../../shared/use-cases/mail/send-mail-batch';

// Partial batch responses: only the records that failed come back (and past maxReceiveCount, the DLQ).
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => sendMailBatch(event));
