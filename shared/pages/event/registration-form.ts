import type { FieldProblem } from '../../domain/errors';
import type { FieldCopy } from '../form-errors';

/** The form's name for form-guard: its token is signed for this form and the event. */

/** The value of "No workshop in this slot". */
export const NO_WORKSHOP = 'none';

/** A slot's radio group is named `workshop-<n>`, n from 1 in programme order. */
export const workshopField = (slot: number): string => `workshop-${slot}`;
const WORKSHOP_FIELD = /^workshop-(\d+)$/;

/** What the delegate typed and chose, as typed: the page shows it again when something needs fixing. */
export interface RegistrationFormValues {
  readonly name: string;
  readonly email: string;
  readonly organisation: string;
  readonly role: string;
  readonly accessNeeds: string;
  readonly dietary: string;
  readonly consent: boolean;
  /** The chosen session id (or `none`) by radio group name. */
  readonly workshops: Readonly<Record<string, string>>;
}

export const emptyRegistrationForm: RegistrationFormValues = {
  name: '',
  email: '',
  organisation: '',
  role: '',
  accessNeeds: '',
  dietary: '',
  consent: false,
  workshops: {},
};

/** A posted form read: its values, and the body the JSON route would have been sent. */
export interface ReadRegistrationForm {
  readonly values: RegistrationFormValues;
  /** Unchecked: validated against the JSON route's own schema by the caller. */
  readonly request: Record<string, unknown>;
  /** The radio group each entry of `request.sessions` came from, by index (for errors on `sessions.N`). */
  readonly sessionFields: readonly string[];
}

/**
 * Maps the event page's form fields to the registration request the JSON route takes: blank optional
 * answers left out, one session per slot's radios (none for "No workshop"), the consent box to
 * `consent.updates`. `formToken` and any field the page does not have are not passed on.
 */
export const readRegistrationForm = (form: Readonly<Record<string, string>>): ReadRegistrationForm => {
  const text = (name: string): string => form[name] ?? '';
  const workshops = Object.fromEntries(
    Object.entries(form)
      .filter(([name]) => WORKSHOP_FIELD.test(name))
      .sort(([a], [b]) => Number(WORKSHOP_FIELD.exec(a)![1]) - Number(WORKSHOP_FIELD.exec(b)![1])),
  );
  const values: RegistrationFormValues = {
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    role: text('role'),
    accessNeeds: text('accessNeeds'),
    dietary: text('dietary'),
    consent: form.consent !== undefined,
    workshops,
  };
  return { values, ...registrationRequestOf(values) };
};

/**
 * The registration request the JSON route takes for what was typed and chosen: blank optional answers left
 * out, one session per group whose choice is not "No workshop", the consent box as `consent.updates`; with
 * the field each entry of `sessions` came from. The organisers' "Add a delegate" builds on it too.
 */
export const registrationRequestOf = (
  values: RegistrationFormValues,
): Pick<ReadRegistrationForm, 'request' | 'sessionFields'> => {
  const chosen = Object.entries(values.workshops).filter(
    ([, value]) => value !== NO_WORKSHOP && value !== '',
  );
  const optional = (name: 'organisation' | 'role' | 'accessNeeds' | 'dietary') =>
    values[name].trim() === '' ? {} : { [name]: values[name] };
  return {
    request: {
      name: values.name,
      email: values.email,
      ...optional('organisation'),
      ...optional('role'),
      ...optional('accessNeeds'),
      ...optional('dietary'),
      sessions: chosen.map(([, sessionId]) => sessionId),
      consent: { updates: values.consent },
    },
    sessionFields: chosen.map(([name]) => name),
  };
};

const limits = { name: 200, organisation: 200, role: 100, accessNeeds: 1000, dietary: 500 } as const;

/** What to tell a person about a text field the schema refused, in GOV.UK's words for its value. */
export const textMessage = (
  label: string,
  field: keyof typeof limits,
  value: string,
  blank: string,
): string => {
  if (value.trim() === '') return blank;
  if (value.trim().length > limits[field]) return `${label} must be ${limits[field]} characters or less`;
  if (field === 'name' && /[<>]/.test(value)) return `${label} must not include < or >`;
  return field === 'accessNeeds' || field === 'dietary'
    ? `${label} must not include special characters that cannot be typed`
    : `${label} must be one line of text`;
};

/** Problems on `sessions.N` are moved onto the radio group that sent entry N, so each slot shows its own. */
export const problemsOnFields = (
  problems: readonly FieldProblem[],
  sessionFields: readonly string[],
): FieldProblem[] =>
  problems.map((p) => {
    const index = /^sessions\.(\d+)/.exec(p.path)?.[1];
    const field = index === undefined ? undefined : sessionFields[Number(index)];
    return field ? { ...p, path: field } : p;
  });

/**
 * The form's fields in page order with what to say when each is refused; `slots` names the radio
 * groups on the page. A problem on `sessions` as a whole (choices that overlap) goes on the first slot.
 * `said` replaces a field's message where the refusal is not about how it was typed (an address
 * already registered).
 */
export const registrationFieldCopy = (
  values: RegistrationFormValues,
  slots: readonly string[],
  said: Readonly<Record<string, string>> = {},
): FieldCopy[] =>
  fieldCopy(values, slots).map((field) => ({ ...field, message: said[field.id] ?? field.message }));

const fieldCopy = (values: RegistrationFormValues, slots: readonly string[]): FieldCopy[] => [
  {
    path: 'name',
    id: 'name',
    message: textMessage('Full name', 'name', values.name, 'Enter your full name'),
  },
  {
    path: 'email',
    id: 'email',
    message:
      values.email.trim() === ''
        ? 'Enter your email address'
        : 'Enter an email address in the correct format, like name@example.com',
  },
  {
    path: 'organisation',
    id: 'organisation',
    message: textMessage('School or organisation', 'organisation', values.organisation, ''),
  },
  { path: 'role', id: 'role', message: textMessage('Role', 'role', values.role, '') },
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
  { path: 'consent', id: 'consent', message: 'Select whether you want news by email' },
];
