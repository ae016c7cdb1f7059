import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { surveyPath } from '../../shared/api/survey-schemas';
import { logger } from '../../shared/adapters/observability';
import type { HttpEvent } from '../../shared/http/contract-core';
import { publicContract } from '../../shared/http/public-contract';
import { json, wantsHtml, type HttpResult } from '../../shared/http/respond';
import { surveyPage } from '../../shared/pages/survey/survey-page';
import { surveyProblemPages } from '../../shared/pages/survey/survey-pages';
import { surveyPageQuery } from '../../shared/pages/survey/survey-query';
import { showSurvey } from '../../shared/use-cases/surveys/show-survey';

type Event = HttpEvent<undefined, typeof surveyPath, typeof surveyPageQuery>;

// The link in the invitation: a browser gets the survey as a form, everything else the JSON.
export const handler = middy<Event, HttpResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publicContract({ params: surveyPath, query: surveyPageQuery, pages: surveyProblemPages }))
  .handler(async ({ input, headers }) =>
    wantsHtml(headers)
      ? surveyPage(input.params.token, input.query.sent !== undefined)
      : json(200, await showSurvey(input.params.token)),
  );
