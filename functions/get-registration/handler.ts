import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { registrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, wantsHtml, type HttpResult } from '../../shared/http/respond';
import { bookingPage, statusPage } from '../../shared/pages/manage/manage-pages';
import { manageQuery } from '../../shared/pages/manage/manage-query';
import { problemPages } from '../../shared/pages/problem-pages';
import { showRegistration } from '../../shared/use-cases/registrations/show';
import { showOutcome } from '../../shared/use-cases/registrations/show-booking';

type Event = HttpEvent<undefined, typeof registrationPath, typeof manageQuery>;

// JSON clients get the public status as before; a browser gets the page after registering (no token) or,
// with the manage link's token, the booking and its change and cancel steps.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ params: registrationPath, query: manageQuery, pages: problemPages }))
  .handler(async ({ input: { params, query }, headers }) => {
    const { registrationId } = params;
    if (!wantsHtml(headers ?? {})) return json(200, await showRegistration(registrationId));
    if (!query.token) return statusPage(await showOutcome(registrationId));
    return bookingPage(registrationId, { ...query, token: query.token });
  });
