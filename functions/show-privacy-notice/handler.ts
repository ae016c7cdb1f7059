import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { html, type HttpResult } from '../../shared/http/respond';
import { readController } from '../../shared/pages/information/controller';
import { privacyNoticePage } from '../../shared/pages/information/information-pages';
import { problemPages } from '../../shared/pages/problem-pages';

// Read at cold start: a controller set but not valid fails the deployment's first request loudly.
const controller = readController();

/** The privacy notice every page's footer links to. */
export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ pages: problemPages }))
  .handler(async () => html(200, privacyNoticePage(controller, process.env.AWS_REGION)));
