import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SURVEY_ANSWERS_MAX_BYTES, surveyAnswersRequest, surveyPath } from '../../shared/api/survey-schemas';
import { logger } from '../../shared/adapters/observability';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { answerSurvey } from '../../shared/use-cases/surveys/answer-survey';

type Event = HttpEvent<typeof surveyAnswersRequest, typeof surveyPath>;

export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    httpContract({
      auth: 'public',
      body: surveyAnswersRequest,
      params: surveyPath,
      maxBodyBytes: SURVEY_ANSWERS_MAX_BYTES,
    }),
  )
  .handler(async ({ input }) => json(201, await answerSurvey(input.params.token, input.body.answers)));
