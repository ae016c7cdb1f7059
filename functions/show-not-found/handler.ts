import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../../shared/adapters/observability';
import { DomainError } from '../../shared/domain/errors';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import type { HttpResult } from '../../shared/http/respond';
import { problemPages } from '../../shared/pages/problem-pages';

const NO_SUCH_ADDRESS =
  'There is no page at this address. If you typed it, check it is correct; ' +
  'if you copied it from an email, check you copied all of it.';

/**
 * Every request no route matches: a browser gets the "Page not found" page, an API client API.md's 404,
 * where API Gateway alone would answer {"message":"Not Found"} to both.
 */
export const handler = middy<HttpEvent, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ pages: problemPages }))
  .handler(async () => {
    throw new DomainError('not_found', 'not_found', NO_SUCH_ADDRESS);
  });
