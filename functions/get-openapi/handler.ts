import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import { openApiDocument } from '../../shared/api/openapi';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';

// Built once per instance: the document only changes with a deployment.
const document = openApiDocument();

export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public' }))
  .handler(async () => json(200, document, { 'cache-control': 'public, max-age=300' }));
