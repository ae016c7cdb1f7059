import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { dataReport } from '../../shared/use-cases/gdpr/data-report';

type Event = HttpEvent<undefined, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: eventPath }))
  .handler(async ({ input }) => json(200, await dataReport(input.params.eventId)));
