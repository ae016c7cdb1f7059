import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EmailSent } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { settleSentMail } from '../../shared/use-cases/delivery/settle-sent';

export const handler = middy<BusEvent<[typeof EmailSent]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(EmailSent))
  .handler(async ({ parsed }) => {
    await settleSentMail(parsed.detail.mail);
  });
