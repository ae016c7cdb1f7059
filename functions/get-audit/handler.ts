import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { auditQuery } from '../../shared/api/audit-schemas';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { listAudit } from '../../shared/use-cases/audit/list-audit';

type Event = HttpEvent<undefined, typeof eventPath, typeof auditQuery>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ params: eventPath, query: auditQuery }))
  .handler(async ({ input: { params, query } }) => json(200, await listAudit(params.eventId, query)));
