import { html, type HttpResult } from '../../http/respond';
import { showSurvey } from '../../use-cases/surveys/show-survey';
import { FormNames, issueFormToken } from '../form-guard';
import { surveySubject } from './survey-form';
import { surveyAnsweredPage, surveyFormPage, surveyThanksPage } from './survey-pages';

/**
 * The page of a survey link (GET): the form, or, once answered, a thank-you (just sent) or "already
 * answered". A link that is not valid, erased or closed is refused by the use-case, as on the JSON route.
 */
export const surveyPage = async (token: string, justSent: boolean): Promise<HttpResult> => {
  const survey = await showSurvey(token);
  if (survey.answered)
    return html(200, justSent ? surveyThanksPage(survey.eventTitle) : surveyAnsweredPage(survey.eventTitle));
  return html(200, surveyFormPage(survey, issueFormToken(FormNames.survey, surveySubject(token))));
};
