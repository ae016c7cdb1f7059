import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventRegistrationPath } from '../../shared/api/registration-schemas';
import { logger } from '../../shared/adapters/observability';
import { auditTrail } from '../../shared/use-cases/audit/audit-trail';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { prefersRepresentation } from '../../shared/http/prefer';
import { json, noContent, type HttpResult } from '../../shared/http/respond';
import { eraseRegistration } from '../../shared/use-cases/registrations/erase';

type Event = HttpEvent<undefined, typeof eventRegistrationPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(auditTrail())
  .use(httpContract({ params: eventRegistrationPath }))
  .handler(async ({ input, headers }) => {
    const answer = await eraseRegistration(input.params.eventId, input.params.registrationId);
    // 204 as API.md says; the answer's body (whether they answered the survey) when the client asks for it.
    return prefersRepresentation(headers ?? {})
      ? json(200, answer, { 'preference-applied': 'return=representation' })
      : noContent();
  });
