import type { Registration } from '../registration';
import { ERASED_ANSWERS_NOTE } from './notes';

/**
 * What an erasure answers when the caller asks for a body: the registration as it now stands, and
 * whether the delegate answered the survey (their answers stay, unlinked, and may still identify them),
 * with the note the console shows.
 */
export const erasureAnswer = (r: Pick<Registration, 'registrationId' | 'status' | 'surveyRespondedAt'>) => ({
  registrationId: r.registrationId,
  status: r.status,
  erased: true as const,
  surveyAnswered: r.surveyRespondedAt !== undefined,
  ...(r.surveyRespondedAt !== undefined ? { note: ERASED_ANSWERS_NOTE } : {}),
});

export type ErasureAnswer = ReturnType<typeof erasureAnswer>;
