import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { badgeListCsv } from '../../shared/domain/registration/badge-list';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { csv, json, wantsCsv, type HttpResult } from '../../shared/http/respond';
import { listRegistrations } from '../../shared/use-cases/registrations/export';

type Event = HttpEvent<undefined, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'organisers', params: eventPath }))
  .handler(async (event) => {
    const list = await listRegistrations(event.input.params.eventId);
    return wantsCsv(event.headers)
      ? csv(badgeListCsv(list.registrations), `registrations-${list.eventId}.csv`)
      : json(200, list);
  });
