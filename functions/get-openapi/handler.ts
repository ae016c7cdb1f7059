import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import document from '../../shared/api/openapi.json' with { type: 'json' };
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';

// Written with the code by `npm run openapi` from the API's schemas and the wiring's audiences (each
// route's security from the one declaration of who may call it); a unit test keeps the file current.
export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract())
  .handler(async () => json(200, document, { 'cache-control': 'public, max-age=300' }));
