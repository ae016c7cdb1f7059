import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import {
  DelegateSubstituted,
  PlacePromoted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationWaitlisted,
} from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { queueRegistrationMail, templateFor } from '../../shared/use-cases/mail/queue-registration-mail';

const contracts = [
  RegistrationConfirmed,
  RegistrationWaitlisted,
  PlacePromoted,
  RegistrationCancelled,
  DelegateSubstituted,
] as const;

export const handler = middy<BusEvent<typeof contracts>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(...contracts))
  .handler(async ({ parsed }) =>
    queueRegistrationMail(parsed.detail.eventId, {
      kind: 'registration',
      template: templateFor(parsed.contract.detailType),
      registrationId: parsed.detail.registrationId,
      version: parsed.detail.version,
    }),
  );
