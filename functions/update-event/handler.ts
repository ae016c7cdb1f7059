import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath, updateEventRequest } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { conferenceCommands } from '../../shared/use-cases/conference-commands';

type Event = HttpEvent<typeof updateEventRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ body: updateEventRequest, params: eventPath }))
  .handler(async ({ input }) => json(200, await conferenceCommands.update(input.params.eventId, input.body)));
