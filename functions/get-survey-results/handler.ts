import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { csv, json, wantsCsv, type HttpResult } from '../../shared/http/respond';
import { exportSurveyResponses, readSurveyResults } from '../../shared/use-cases/surveys/survey-results';

type Event = HttpEvent<undefined, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ params: eventPath }))
  .handler(async ({ input, headers }) => {
    const { eventId } = input.params;
    return wantsCsv(headers)
      ? csv(await exportSurveyResponses(eventId), `survey-${eventId}.csv`)
      : json(200, await readSurveyResults(eventId));
  });
