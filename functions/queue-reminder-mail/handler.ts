import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ReminderDue } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { queueReminderMail } from '../../shared/use-cases/reminders/queue-reminder-mail';

export const handler = middy<BusEvent<[typeof ReminderDue]>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(ReminderDue))
  .handler(async ({ parsed }) => {
    await queueReminderMail(parsed.detail);
  });
