import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { planFeedQuery } from '../../shared/api/plan-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { download, type HttpResult } from '../../shared/http/respond';
import { planFileName } from '../../shared/use-cases/plan/plan-view';
import { readPlanFeed } from '../../shared/use-cases/plan/plan-feed';

type Event = HttpEvent<undefined, typeof eventPath, typeof planFeedQuery>;

// The comms plan as a calendar a team subscribes to: the secret key in the address stands for a token.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ params: eventPath, query: planFeedQuery }))
  .handler(async ({ input: { params, query } }) =>
    download(
      'text/calendar; charset=utf-8',
      planFileName(params.eventId),
      await readPlanFeed(params.eventId, query.key),
    ),
  );
