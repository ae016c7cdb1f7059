import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventPublished, EventUpdated, RegistrationRequested, SurveyAnswered } from '../../events';
import { logger } from '../../shared/adapters/observability';
import { busEvent, type BusEvent } from '../../shared/bus/bus-event';
import { stampRetention, type StampRequest } from '../../shared/use-cases/gdpr/retention';

const contracts = [EventPublished, EventUpdated, RegistrationRequested, SurveyAnswered] as const;

/** Which items an event on the bus asks to be stamped, if any (an update that kept the times: none). */
const requestOf = ({ parsed }: BusEvent<typeof contracts>): StampRequest | undefined => {
  const d = parsed.detail as Record<string, unknown>;
  switch (parsed.contract) {
    case EventPublished:
      return { eventId: (d.event as { eventId: string }).eventId, scope: 'event' };
    case EventUpdated:
      return d.timesChanged === true
        ? { eventId: (d.event as { eventId: string }).eventId, scope: 'event' }
        : undefined;
    case RegistrationRequested:
      return {
        eventId: d.eventId as string,
        scope: 'registration',
        registrationId: d.registrationId as string,
      };
    default:
      return { eventId: d.eventId as string, scope: 'survey-responses' };
  }
};

export const handler = middy<BusEvent<typeof contracts>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(busEvent(...contracts))
  .handler(async (event) => {
    const request = requestOf(event);
    if (request) await stampRetention(request);
  });
