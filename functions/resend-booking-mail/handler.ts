import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { BookingMailRequested } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { sendBookingMail } from '../../shared/use-cases/resend/send-booking-mail';

const contracts = [BookingMailRequested] as const;

export const handler = middy<BusEvent<typeof contracts>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(...contracts))
  .handler(async ({ parsed }) => sendBookingMail(parsed.detail));
