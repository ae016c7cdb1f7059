import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unsubscribeQuery } from '../../shared/api/delivery-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { html, type HttpResult } from '../../shared/http/respond';
import { confirmPage, expiredLinkPage, invalidLinkPage } from '../../shared/mail/unsubscribe-page';
import { readUnsubscribeLink } from '../../shared/use-cases/delivery/unsubscribe-token';

type Event = HttpEvent<undefined, undefined, typeof unsubscribeQuery>;

// A GET changes nothing: link scanners and prefetching mail clients open this page, only a person's
// press of its button (a POST) unsubscribes. A person followed the link, so every answer is a page.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', query: unsubscribeQuery }))
  .handler(async ({ input }) => {
    const link = readUnsubscribeLink(input.query.token);
    if (link.ok) return html(200, confirmPage(input.query.token ?? ''));
    if (link.reason === 'expired') return html(410, expiredLinkPage());
    return html(link.reason === 'missing' ? 400 : 403, invalidLinkPage());
  });
