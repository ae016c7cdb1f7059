import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { download, json, type HttpResult } from '../../shared/http/respond';
import { planFileName, planIcs, planJson } from '../../shared/use-cases/plan/plan-view';
import { readCommsPlan } from '../../shared/use-cases/plan/read-plan';

type Event = HttpEvent<undefined, typeof eventPath>;

const wantsCalendar = (headers: Readonly<Record<string, string | undefined>>): boolean =>
  /\btext\/calendar\b/i.test(headers.accept ?? '');

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: eventPath }))
  .handler(async ({ input, headers }) => {
    const plan = await readCommsPlan(input.params.eventId);
    return wantsCalendar(headers)
      ? download('text/calendar; charset=utf-8', planFileName(plan.eventId), planIcs(plan))
      : json(200, planJson(plan));
  });
