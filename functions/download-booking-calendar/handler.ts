import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { registrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { download, type HttpResult } from '../../shared/http/respond';
import { calendarQuery } from '../../shared/pages/manage/manage-query';
import { problemPages } from '../../shared/pages/problem-pages';
import { bookingCalendar } from '../../shared/use-cases/registrations/booking-calendar';

type Event = HttpEvent<undefined, typeof registrationPath, typeof calendarQuery>;

// "Add to calendar" on the manage page: the booking's invite as a file; a bad link is a page in words.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ params: registrationPath, query: calendarQuery, pages: problemPages }))
  .handler(async ({ input: { params, query } }) => {
    const { filename, content } = await bookingCalendar(params.registrationId, query.token);
    return download('text/calendar; charset=utf-8', filename, content);
  });
