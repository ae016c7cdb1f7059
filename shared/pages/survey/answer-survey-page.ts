import { DomainError } from '../../domain/errors';
import { html, seeOther, type HttpResult } from '../../http/respond';
import { answerSurvey } from '../../use-cases/surveys/answer-survey';
import { showSurvey } from '../../use-cases/surveys/show-survey';
import { pageErrors, type PageErrors } from '../form-errors';
import { FormNames, checkFormToken, issueFormToken, postedFromAnotherSite } from '../form-guard';
import { SENT } from './survey-query';
import { readSurveyForm, surveyFieldCopy, surveySubject } from './survey-form';
import { surveyAnsweredPage, surveyFormPage } from './survey-pages';

type Headers = Readonly<Record<string, string | undefined>>;

/** Where a kept answer redirects (POST/redirect/GET): the link itself, marked so it says thank you. */
const thanksLocation = (token: string): string => `/surveys/${encodeURIComponent(token)}?${SENT}=1`;

/**
 * A survey form posted from a browser: the same use-case as the JSON route. A refusal shows the form again
 * with the answers given and a message beside each question to fix; a post from another site, or of a
 * form too old to trust, shows it again asking to send once more. Nothing is stored on a refusal.
 */
export const answerSurveyPage = async (
  token: string,
  form: Readonly<Record<string, string>>,
  headers: Headers,
): Promise<HttpResult> => {
  const survey = await showSurvey(token);
  if (survey.answered) return html(409, surveyAnsweredPage(survey.eventTitle));
  const posted = readSurveyForm(survey.questions, form);
  const again = (errors: PageErrors) =>
    html(
      400,
      surveyFormPage(survey, issueFormToken(FormNames.survey, surveySubject(token)), {
        values: posted.values,
        errors,
      }),
    );
  if (
    postedFromAnotherSite(headers) ||
    !checkFormToken(FormNames.survey, surveySubject(token), posted.formToken).ok
  )
    return again({
      summary: [
        { text: 'The form was out of date. Check your answers and send them again.', href: '#send-answers' },
      ],
      byField: {},
    });
  try {
    await answerSurvey(token, posted.answers);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'conflict') return html(409, surveyAnsweredPage(survey.eventTitle));
    if (error.kind !== 'invalid') throw error;
    const fields = surveyFieldCopy(survey.questions, posted.values);
    return again(pageErrors(error.details, fields, { id: fields[0]?.id ?? 'send-answers' }));
  }
  return seeOther(thanksLocation(token));
};
