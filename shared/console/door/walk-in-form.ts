import type { FieldProblem } from '../../domain/errors';
import { noErrors, pageErrors, type PageErrors } from '../../pages/form-errors';
import {
  emptyRegistrationForm,
  problemsOnFields,
  readRegistrationForm,
  registrationFieldCopy,
  type RegistrationFormValues,
} from '../../pages/event/registration-form';

/** The walk-in form's own box: a place beyond capacity when the event (or a workshop) is full. */
export const OVERBOOK_FIELD = 'overbook';

export interface WalkInValues extends RegistrationFormValues {
  readonly overbook: boolean;
}

export const emptyWalkIn: WalkInValues = { ...emptyRegistrationForm, overbook: false };

/**
 * A posted walk-in form: the event page's fields (the same reading as a delegate's own registration),
 * plus the overbook box, as the organisers' booking request with `checkIn`.
 */
export const readWalkInForm = (form: Readonly<Record<string, string>>) => {
  const { values, request, sessionFields } = readRegistrationForm(form);
  const overbook = form[OVERBOOK_FIELD] !== undefined;
  return {
    values: { ...values, overbook },
    request: { ...request, checkIn: true, ...(overbook ? { overbook: true } : {}) },
    sessionFields,
  };
};

/** The event page's messages about a delegate's own details, said of the person at the desk. */
const ofThem = (message: string): string => message.replace(/\byour\b/g, 'their');

/**
 * Each refused field with what to tell the organiser, in page order; `said` replaces a field's message
 * where the refusal is not about what was typed (an address already booked, a full event).
 */
export const walkInErrors = (
  values: WalkInValues,
  problems: readonly FieldProblem[],
  sessionFields: readonly string[],
  slots: readonly string[],
  said: Readonly<Record<string, string>> = {},
): PageErrors => {
  if (problems.length === 0) return noErrors;
  const fields = [
    ...registrationFieldCopy(values, slots, said).map((f) => ({ ...f, message: ofThem(f.message) })),
    {
      path: OVERBOOK_FIELD,
      id: OVERBOOK_FIELD,
      message: said[OVERBOOK_FIELD] ?? 'Tick the box to give them a place even though the event is full',
    },
  ];
  return pageErrors(problemsOnFields(problems, sessionFields), fields, { id: 'walk-in' });
};
