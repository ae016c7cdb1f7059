import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unsubscribeForm, unsubscribeQuery } from '../../shared/api/delivery-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { problemPages } from '../../shared/pages/problem-pages';
import { unsubscribeFromPage } from '../../shared/pages/unsubscribe/unsubscribe-flow';
import { unsubscribe } from '../../shared/use-cases/delivery/unsubscribe';

type Event = HttpEvent<typeof unsubscribeForm, undefined, typeof unsubscribeQuery>;

// Two callers: a mail client's RFC 8058 one-click post (`List-Unsubscribe=One-Click` or no body; the
// link's token is all it has) answered in JSON, and a person's press of the page's button (with the
// page's signed form value) answered with a page.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    publicContract({
      body: unsubscribeForm,
      bodyEncoding: 'form',
      query: unsubscribeQuery,
      pages: problemPages,
    }),
  )
  .handler(async ({ input, headers }) => {
    if (input.form) return unsubscribeFromPage(input.query.token, input.form, headers);
    return json(200, { status: (await unsubscribe(input.query.token)).status });
  });
