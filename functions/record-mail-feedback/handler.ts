import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EmailBounced, EmailComplaintReceived } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { recordMailFeedback } from '../../shared/use-cases/delivery/record-mail-feedback';

type Event = BusEvent<[typeof EmailBounced, typeof EmailComplaintReceived]>;

export const handler = middy<Event, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(EmailBounced, EmailComplaintReceived))
  .handler(async ({ parsed }) => {
    await recordMailFeedback(parsed.detail);
  });
