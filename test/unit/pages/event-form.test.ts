import { describe, expect, it } from '@jest/globals';
import { registrationRequest } from '../../../shared/api/registration-schemas';
import { pageErrors } from '../../../shared/pages/form-errors';
import {
  problemsOnFields,
  readRegistrationForm,
  registrationFieldCopy,
} from '../../../shared/pages/event/registration-form';
import { problemsOf } from '../../../shared/http/zod-problems';

const filled = {
  formToken: 'signed',
  name: 'Siân Jones',
  email: 'sian@oak.example.org',
  organisation: 'Oak Academy Trust',
  role: '',
  accessNeeds: 'Step-free access',
  dietary: '  ',
  'workshop-2': 'ws-c',
  'workshop-1': 'ws-a',
  consent: 'yes',
};

describe('reading the event page form', () => {
  it('gives the request the JSON route takes: blanks left out, a session per slot, consent as a boolean', () => {
    // Act
    const { request, sessionFields } = readRegistrationForm(filled);

    // Assert
    expect(request).toEqual({
      name: 'Siân Jones',
      email: 'sian@oak.example.org',
      organisation: 'Oak Academy Trust',
      accessNeeds: 'Step-free access',
      sessions: ['ws-a', 'ws-c'],
      consent: { updates: true },
    });
    expect(sessionFields).toEqual(['workshop-1', 'workshop-2']);
    expect(registrationRequest.safeParse(request).success).toBe(true);
  });

  it('passes on no session for "No workshop in this slot" and no consent for an unticked box', () => {
    const { request } = readRegistrationForm({ name: 'A', email: 'a@b.example', 'workshop-1': 'none' });

    expect(request).toMatchObject({ sessions: [], consent: { updates: false } });
  });

  it('keeps the values as typed, so the page can show them again', () => {
    const { values } = readRegistrationForm(filled);

    expect(values).toMatchObject({ dietary: '  ', consent: true, workshops: { 'workshop-1': 'ws-a' } });
  });

  it('does not pass on fields the page does not have (the JSON schema refuses unknown fields)', () => {
    const { request } = readRegistrationForm({ ...filled, overbook: 'true', checkIn: 'true' });

    expect(Object.keys(request)).not.toContain('overbook');
    expect(registrationRequest.safeParse(request).success).toBe(true);
  });
});

describe('the form refused, in GOV.UK words', () => {
  const slots = ['workshop-1', 'workshop-2'];
  const errorsFor = (form: Record<string, string>, extra: { path: string; message: string }[] = []) => {
    const { values, request, sessionFields } = readRegistrationForm(form);
    const parsed = registrationRequest.safeParse(request);
    const problems = [...(parsed.success ? [] : problemsOf(parsed.error, '')), ...extra];
    return pageErrors(problemsOnFields(problems, sessionFields), registrationFieldCopy(values, slots), {
      id: 'register',
    });
  };

  it('asks for what is missing, in page order, each linked to its field', () => {
    expect(errorsFor({ name: ' ', email: '' }).summary).toEqual([
      { text: 'Enter your full name', href: '#name' },
      { text: 'Enter your email address', href: '#email' },
    ]);
  });

  it('says how to fix what was typed wrong', () => {
    const errors = errorsFor({ name: 'Ann <b>', email: 'not-an-address', role: 'x'.repeat(101) });

    expect(errors.byField).toEqual({
      name: 'Full name must not include < or >',
      email: 'Enter an email address in the correct format, like name@example.com',
      role: 'Role must be 100 characters or less',
    });
  });

  it("puts a refused session on the slot's own radios, and overlapping choices on the first slot", () => {
    const form = { name: 'A', email: 'a@b.example', 'workshop-1': 'ws-a', 'workshop-2': 'no-such' };

    expect(
      errorsFor(form, [{ path: 'sessions.1', message: 'No session no-such in this event' }]).byField,
    ).toEqual({
      'workshop-2': 'Choose a workshop from the list, or no workshop in this slot',
    });
    expect(errorsFor(form, [{ path: 'sessions', message: 'Sessions overlap' }]).byField).toEqual({
      'workshop-1': 'Choose workshops that do not run at the same time',
    });
  });

  it('lists a problem with no field of its own at the top, in its own words', () => {
    const errors = errorsFor({ name: 'A', email: 'a@b.example' }, [
      { path: '', message: 'The form was out of date. Check your answers and submit again.' },
    ]);

    expect(errors.summary).toEqual([
      { text: 'The form was out of date. Check your answers and submit again.', href: '#register' },
    ]);
  });

  it('says an address is already registered where the refusal is not about its format', () => {
    const { values } = readRegistrationForm({ name: 'A', email: 'a@b.example' });
    const said = { email: 'a@b.example is already registered for this event' };

    const errors = pageErrors(
      [{ path: 'email', message: 'already' }],
      registrationFieldCopy(values, slots, said),
      { id: 'register' },
    );

    expect(errors.byField).toEqual(said);
  });
});
