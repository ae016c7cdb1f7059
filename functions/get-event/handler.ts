import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { now } from '../../shared/clock';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, wantsHtml, type HttpResult } from '../../shared/http/respond';
import { eventPage } from '../../shared/pages/event/event-page';
import { problemPages } from '../../shared/pages/problem-pages';
import { conferenceQueries } from '../../shared/use-cases/conference-queries';

type Event = HttpEvent<undefined, typeof eventPath>;

// Public; an organiser's bearer token, when sent, also shows drafts. A browser gets the event page.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: eventPath, pages: problemPages }))
  .handler(async ({ input, headers }) => {
    const view = await conferenceQueries.showPublished(input.params.eventId, input.caller !== undefined);
    return wantsHtml(headers ?? {}) ? eventPage(view, now()) : json(200, view);
  });
