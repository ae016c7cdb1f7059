import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { httpAudiences } from '../../infra/wiring/http-audiences';
import { logger } from '../../shared/adapters/observability';
import { openApiDocument } from '../../shared/api/openapi';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';

// Built once per instance: the document only changes with a deployment. Each route's security comes from
// the wiring, the one declaration of who may call it.
const document = openApiDocument(httpAudiences());

export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract())
  .handler(async () => json(200, document, { 'cache-control': 'public, max-age=300' }));
