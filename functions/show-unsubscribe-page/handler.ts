import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unsubscribeQuery } from '../../shared/api/delivery-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import type { HttpResult } from '../../shared/http/respond';
import { problemPages } from '../../shared/pages/problem-pages';
import { unsubscribeConfirmPage } from '../../shared/pages/unsubscribe/unsubscribe-flow';

type Event = HttpEvent<undefined, undefined, typeof unsubscribeQuery>;

// A GET changes nothing: link scanners and prefetching mail clients open this page, only a person's
// press of its button (a POST) unsubscribes. A person followed the link, so every answer is a page.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ query: unsubscribeQuery, pages: problemPages }))
  .handler(async ({ input }) => unsubscribeConfirmPage(input.query.token));
