import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { bulkRemoveRequest } from '../../shared/api/abuse-schemas';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { bulkRemove } from '../../shared/use-cases/abuse/bulk-remove';

type Event = HttpEvent<typeof bulkRemoveRequest, typeof eventPath>;

/** Removes a group of suspected fake sign-ups in one action: erased, places freed and promoted, no mail. */
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ body: bulkRemoveRequest, params: eventPath }))
  .handler(async ({ input }) =>
    json(200, await bulkRemove(input.params.eventId, input.body.registrationIds)),
  );
