import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { exportQuery } from '../../shared/api/gdpr-schemas';
import { includesNeeds } from '../../shared/domain/gdpr/needs';
import { logger } from '../../shared/adapters/observability';
import { badgeListCsv } from '../../shared/domain/registration/badge-list';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { csv, json, wantsCsv, type HttpResult } from '../../shared/http/respond';
import { listRegistrations } from '../../shared/use-cases/registrations/export';

type Event = HttpEvent<undefined, typeof eventPath, typeof exportQuery>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ params: eventPath, query: exportQuery }))
  .handler(async (event) => {
    const needs = includesNeeds(event.input.query.include);
    const list = await listRegistrations(event.input.params.eventId, { needs });
    return wantsCsv(event.headers)
      ? csv(badgeListCsv(list.registrations, { needs }), `registrations-${list.eventId}.csv`)
      : json(200, list);
  });
