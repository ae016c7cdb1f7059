import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { campaignRequest } from '../../shared/api/campaign-schemas';
import { eventPath } from '../../shared/api/event-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { createCampaign } from '../../shared/use-cases/campaigns/create';

type Event = HttpEvent<typeof campaignRequest, typeof eventPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ body: campaignRequest, params: eventPath }))
  .handler(async ({ input, headers }) => {
    const { confirmDuplicate, ...request } = input.body;
    const options = {
      createdBy: input.caller?.subject,
      idempotencyKey: headers['idempotency-key'],
      confirmDuplicate,
    };
    return json(202, await createCampaign(input.params.eventId, request, options));
  });
