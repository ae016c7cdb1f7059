import { describe, expect, it } from '@jest/globals';
import { organiserRegistrationRequest } from '../../../shared/api/registration-schemas';
import {
  delegateFieldCopy,
  problemsOnSlots,
  readDelegateForm,
} from '../../../shared/console/registrations/delegate-form';
import { mailChoice, readMailChoice } from '../../../shared/console/registrations/mail-choice';
import { filterOf } from '../../../shared/console/registrations/registration-filter';
import { problemsOf } from '../../../shared/http/zod-problems';
import { pageErrors } from '../../../shared/pages/form-errors';
import type { Slot } from '../../../shared/pages/manage/change-form';

const slots: Slot[] = [
  {
    id: 'slot-ws-a',
    when: 'Thursday 1 April 2027, 11:00 to 12:00',
    options: [
      { sessionId: 'ws-a', title: 'Workshop A', placesLeft: 3 },
      { sessionId: 'ws-b', title: 'Workshop B', placesLeft: 0 },
    ],
  },
  {
    id: 'slot-ws-c',
    when: 'Thursday 1 April 2027, 14:00 to 15:00',
    options: [{ sessionId: 'ws-c', title: 'Workshop C', placesLeft: 9 }],
  },
];

describe('the registrations filter form', () => {
  it('reads the search and each filter the form can send', () => {
    expect(
      filterOf({ q: '  oak ', status: 'waitlisted', workshop: 'ws-a', attended: 'no' }, ['ws-a']),
    ).toEqual({
      q: 'oak',
      status: 'waitlisted',
      workshop: 'ws-a',
      attended: false,
    });
  });

  it('ignores values the form cannot send rather than refusing the page', () => {
    expect(filterOf({ status: 'lost', workshop: 'ws-zz', attended: 'maybe', q: '' }, ['ws-a'])).toEqual({});
  });
});

describe('"Add a delegate"', () => {
  it('reads the form into the organiser booking the JSON route takes', () => {
    const read = readDelegateForm(
      {
        name: 'Siân Jones',
        email: 'sian@example.org',
        organisation: ' ',
        role: 'Head',
        'slot-ws-a': 'ws-b',
        'slot-ws-c': 'none',
        consent: 'yes',
        overbook: 'yes',
        csrf: 'ignored',
      },
      slots,
    );

    expect(read.request).toEqual({
      name: 'Siân Jones',
      email: 'sian@example.org',
      role: 'Head',
      sessions: ['ws-b'],
      consent: { updates: true },
      overbook: true,
    });
    expect(read.sessionFields).toEqual(['slot-ws-a']);
    expect(organiserRegistrationRequest.safeParse(read.request).success).toBe(true);
  });

  it("shows each refusal beside its field, in the organiser's words", () => {
    const read = readDelegateForm({ name: '', email: 'not an address', 'slot-ws-a': 'ws-zz' }, slots);
    const parsed = organiserRegistrationRequest.safeParse(read.request);
    const problems = parsed.success ? [] : problemsOf(parsed.error, '');
    const fields = delegateFieldCopy(
      read.values,
      slots.map((s) => s.id),
    );

    const errors = pageErrors(
      problemsOnSlots([...problems, { path: 'sessions.0', message: 'Unknown session' }], read.sessionFields),
      fields,
      { id: 'name' },
    );

    expect(errors.summary).toEqual([
      { text: 'Enter their full name', href: '#name' },
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#email' },
      { text: 'Choose a workshop from the list, or no workshop in this slot', href: '#slot-ws-a' },
    ]);
  });
});

describe('a mail chosen on the mail problems page', () => {
  it('goes through the form and back as the same mail', () => {
    const mail = { recipientKey: 'reg_1', messageKey: 'registration:reg_1:confirmed:v2' };
    expect(readMailChoice(mailChoice(mail))).toEqual(mail);
    expect(readMailChoice('nothing')).toBeUndefined();
    expect(readMailChoice(' reg_1')).toBeUndefined();
  });
});
