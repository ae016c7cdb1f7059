import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { createEventRequest } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { teamForNewEvent } from '../../shared/domain/teams/teams';
import { conferenceCommands } from '../../shared/use-cases/conference-commands';

type Event = HttpEvent<typeof createEventRequest>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ body: createEventRequest }))
  .handler(async ({ input: { body, caller } }) =>
    json(201, await conferenceCommands.create(body, teamForNewEvent(caller?.groups ?? [], body.teamId))),
  );
