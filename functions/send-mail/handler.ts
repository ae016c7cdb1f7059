import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/adapters/observability';
import { retryAfter } from '../../shared/adapters/queue-retry';
import { sendRequestSchema } from '../../shared/domain/mail/send-request';
import { sendEach } from '../../shared/queue/send-each';
import { sendMail } from '../../shared/use-cases/mail/send-mail';

// Each record on its own: one bad address or a throttled send never holds up or repeats the rest.
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => sendEach(event, sendRequestSchema, sendMail, retryAfter));
