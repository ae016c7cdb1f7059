import { ERASED_ANSWERS_NOTE } from '../../domain/gdpr/notes';

/** On the "erase?" page: said when the delegate answered the survey (the answers cannot go with the rest). */
export const answeredSurveyNote = (r: { readonly surveyRespondedAt?: string }): string | undefined =>
  r.surveyRespondedAt === undefined ? undefined : ERASED_ANSWERS_NOTE;

/** The banner after an erasure, saying so again when the delegate answered the survey. */
export const erasedBanner = (
  banner: string | undefined,
  done: string | undefined,
  r: { readonly surveyRespondedAt?: string },
): string | undefined =>
  done === 'erased' && banner !== undefined && r.surveyRespondedAt !== undefined
    ? `${banner} ${ERASED_ANSWERS_NOTE}`
    : banner;
