import type { FieldProblem } from '../../domain/errors';
import type { FieldCopy } from '../../pages/form-errors';
import { NONE, type Slot } from '../../pages/manage/change-form';

/** The longest each text field may be, as the JSON route's schema has it (registration-schemas.ts). */
const limits = { name: 200, organisation: 200, role: 100, accessNeeds: 1000, dietary: 500 } as const;
type TextField = keyof typeof limits;

/** What to tell an organiser about a text field the schema refused, in GOV.UK's words for its value. */
const textMessage = (label: string, field: TextField, value: string, blank: string): string => {
  if (value.trim() === '') return blank;
  if (value.trim().length > limits[field]) return `${label} must be ${limits[field]} characters or less`;
  if (field === 'name' && /[<>]/.test(value)) return `${label} must not include < or >`;
  return field === 'accessNeeds' || field === 'dietary'
    ? `${label} must not include special characters that cannot be typed`
    : `${label} must be one line of text`;
};

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

/** What the organiser typed and chose on "Add a delegate", as typed, to show again when something needs fixing. */
export interface DelegateFormValues {
  readonly name: string;
  readonly email: string;
  readonly organisation: string;
  readonly role: string;
  readonly accessNeeds: string;
  readonly dietary: string;
  readonly consent: boolean;
  readonly overbook: boolean;
  /** The chosen session (or `none`) by time slot's field name. */
  readonly workshops: Readonly<Record<string, string>>;
}

export const emptyDelegateForm: DelegateFormValues = {
  name: '',
  email: '',
  organisation: '',
  role: '',
  accessNeeds: '',
  dietary: '',
  consent: false,
  overbook: false,
  workshops: {},
};

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
  const chosen = Object.entries(workshops).filter(([, value]) => value !== NONE && value !== '');
  const optional = (name: 'organisation' | 'role' | 'accessNeeds' | 'dietary') =>
    values[name].trim() === '' ? {} : { [name]: values[name] };
  return {
    values,
    request: {
      name: values.name,
      email: values.email,
      ...optional('organisation'),
      ...optional('role'),
      ...optional('accessNeeds'),
      ...optional('dietary'),
      sessions: chosen.map(([, sessionId]) => sessionId),
      consent: { updates: values.consent },
      ...(values.overbook ? { overbook: true } : {}),
    } as Record<string, unknown>,
    /** The slot each entry of `request.sessions` came from, by index (for problems on `sessions.N`). */
    sessionFields: chosen.map(([slot]) => slot),
  };
};

/** Problems on `sessions.N` moved onto the time slot that sent entry N, so each slot shows its own. */
export const problemsOnSlots = (
  problems: readonly FieldProblem[],
  sessionFields: readonly string[],
): FieldProblem[] =>
  problems.map((p) => {
    const index = /^sessions\.(\d+)/.exec(p.path)?.[1];
    const field = index === undefined ? undefined : sessionFields[Number(index)];
    return field ? { ...p, path: field } : p;
  });

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
