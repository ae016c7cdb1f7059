import type { FieldCopy } from '../../pages/form-errors';
import {
  emptyRegistrationForm,
  problemsOnFields,
  registrationRequestOf,
  textMessage,
  type RegistrationFormValues,
} from '../../pages/event/registration-form';
import type { Slot } from '../../pages/manage/change-form';

const emailMessage = (value: string, blank: string): string =>
  value.trim() === '' ? blank : 'Enter an email address in the correct format, like name@example.com';

/** The colleague's fields, in page order; `said` replaces a message where the refusal is not about typing. */
export const substituteFieldCopy = (
  values: Readonly<Record<'name' | 'email' | 'organisation' | 'role', string>>,
  said: Readonly<Record<string, string>> = {},
): FieldCopy[] =>
  [
    {
      path: 'name',
      id: 'name',
      message: textMessage('Full name', 'name', values.name, 'Enter their full name'),
    },
    { path: 'email', id: 'email', message: emailMessage(values.email, 'Enter their email address') },
    {
      path: 'organisation',
      id: 'organisation',
      message: textMessage('School or organisation', 'organisation', values.organisation, ''),
    },
    { path: 'role', id: 'role', message: textMessage('Role', 'role', values.role, '') },
  ].map((field) => ({ ...field, message: said[field.id] ?? field.message }));

/** What the organiser typed and chose on "Add a delegate": the event page's form, and "beyond capacity". */
export interface DelegateFormValues extends RegistrationFormValues {
  readonly overbook: boolean;
}

export const emptyDelegateForm: DelegateFormValues = { ...emptyRegistrationForm, overbook: false };

/**
 * The "Add a delegate" form read into the organiser's booking the JSON route takes (POST
 * /events/{eventId}/registrations with an organiser's token): blank optional answers left out, one session
 * per time slot's radios (none for "No workshop"), the boxes to `consent.updates` and `overbook`.
 * Unchecked: the caller validates it with the route's own schema.
 */
export const readDelegateForm = (form: Readonly<Record<string, string>>, slots: readonly Slot[]) => {
  const text = (name: string): string => form[name] ?? '';
  const workshops = Object.fromEntries(slots.map((slot) => [slot.id, text(slot.id)]));
  const values: DelegateFormValues = {
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    role: text('role'),
    accessNeeds: text('accessNeeds'),
    dietary: text('dietary'),
    consent: form.consent === 'yes',
    overbook: form.overbook === 'yes',
    workshops,
  };
  const { request, sessionFields } = registrationRequestOf(values);
  return {
    values,
    request: { ...request, ...(values.overbook ? { overbook: true } : {}) } as Record<string, unknown>,
    /** The slot each entry of `request.sessions` came from, by index (for problems on `sessions.N`). */
    sessionFields,
  };
};

/** Problems on `sessions.N` moved onto the time slot that sent entry N, as on the event page. */
export const problemsOnSlots = problemsOnFields;

/** The "Add a delegate" fields in page order, with what to tell the organiser about each. */
export const delegateFieldCopy = (
  values: DelegateFormValues,
  slots: readonly string[],
  said: Readonly<Record<string, string>> = {},
): FieldCopy[] =>
  [
    ...substituteFieldCopy(values),
    ...slots.map((slot) => ({
      path: slot,
      id: slot,
      message: 'Choose a workshop from the list, or no workshop in this slot',
    })),
    ...(slots[0]
      ? [{ path: 'sessions', id: slots[0], message: 'Choose workshops that do not run at the same time' }]
      : []),
    {
      path: 'accessNeeds',
      id: 'accessNeeds',
      message: textMessage('Access needs', 'accessNeeds', values.accessNeeds, ''),
    },
    { path: 'dietary', id: 'dietary', message: textMessage('Dietary needs', 'dietary', values.dietary, '') },
  ].map((field) => ({ ...field, message: said[field.id] ?? field.message }));
