import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { conferenceQueries } from '../../shared/use-cases/conference-queries';

export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract())
  .handler(async ({ input }) => json(200, await conferenceQueries.list(input.caller?.groups ?? [])));
