import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { surveyPath } from '../../shared/api/survey-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { showSurvey } from '../../shared/use-cases/surveys/show-survey';

type Event = HttpEvent<undefined, typeof surveyPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpContract({ auth: 'public', params: surveyPath }))
  .handler(async ({ input }) => json(200, await showSurvey(input.params.token)));
