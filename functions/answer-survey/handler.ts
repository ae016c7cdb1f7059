import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SURVEY_ANSWERS_MAX_BYTES, surveyAnswersRequest, surveyPath } from '../../shared/api/survey-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { answerSurveyPage } from '../../shared/pages/survey/answer-survey-page';
import { surveyProblemPages } from '../../shared/pages/survey/survey-pages';
import { answerSurvey } from '../../shared/use-cases/surveys/answer-survey';

type Event = HttpEvent<typeof surveyAnswersRequest, typeof surveyPath>;

// A browser posts the survey form (form-encoded, with its signed value) and gets pages; a client posts
// `{ answers }` as JSON, as before, and any other body is refused in JSON.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(
    publicContract({
      body: surveyAnswersRequest,
      params: surveyPath,
      maxBodyBytes: SURVEY_ANSWERS_MAX_BYTES,
      pages: surveyProblemPages,
    }),
  )
  .handler(async ({ input, headers }) => {
    if (input.form) return answerSurveyPage(input.params.token, input.form, headers);
    return json(201, await answerSurvey(input.params.token, input.body.answers));
  });
