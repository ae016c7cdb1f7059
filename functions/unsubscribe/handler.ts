import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unsubscribeForm, unsubscribeQuery } from '../../shared/api/delivery-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { html, json, wantsHtml, type HttpResult } from '../../shared/http/respond';
import { donePage } from '../../shared/mail/unsubscribe-page';
import { unsubscribe } from '../../shared/use-cases/delivery/unsubscribe';

type Event = HttpEvent<typeof unsubscribeForm, undefined, typeof unsubscribeQuery>;

// RFC 8058 one-click clients post `List-Unsubscribe=One-Click`; the page's button posts nothing.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', body: unsubscribeForm, bodyEncoding: 'form', query: unsubscribeQuery }))
  .handler(async ({ input, headers }) => {
    const result = await unsubscribe(input.query.token);
    return wantsHtml(headers)
      ? html(200, donePage(result.addressHeld))
      : json(200, { status: result.status });
  });
