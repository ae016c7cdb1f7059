import { describe, expect, it } from '@jest/globals';
import { readWalkInForm, walkInErrors } from '../../../shared/console/door/walk-in-form';

describe('the walk-in form', () => {
  it('is the organisers’ booking request, checked in at once, with a place beyond capacity only when ticked', () => {
    const read = readWalkInForm({
      name: 'Esi Mensah',
      email: 'esi@school.example.org',
      organisation: 'Riverside Academy',
      role: '',
      'workshop-1': 'ws-b',
      'workshop-2': 'none',
      csrf: 'x',
    });

    expect(read.request).toEqual({
      name: 'Esi Mensah',
      email: 'esi@school.example.org',
      organisation: 'Riverside Academy',
      sessions: ['ws-b'],
      consent: { updates: false },
      checkIn: true,
    });
    expect(readWalkInForm({ name: 'Esi', overbook: 'yes' }).request).toMatchObject({ overbook: true });
  });

  it('speaks of the person at the desk, field by field in page order', () => {
    const { values, sessionFields } = readWalkInForm({ name: '', email: '' });
    const errors = walkInErrors(
      values,
      [
        { path: 'email', message: 'x' },
        { path: 'name', message: 'x' },
      ],
      sessionFields,
      [],
    );

    expect(errors.summary).toEqual([
      { text: 'Enter their full name', href: '#name' },
      { text: 'Enter their email address', href: '#email' },
    ]);
  });

  it('asks for the box to be ticked when the event is full', () => {
    const { values, sessionFields } = readWalkInForm({ name: 'Esi' });
    const errors = walkInErrors(values, [{ path: 'overbook', message: 'full' }], sessionFields, [], {
      overbook: 'The event is full. Tick the box to give them a place anyway',
    });

    expect(errors.byField).toEqual({
      overbook: 'The event is full. Tick the box to give them a place anyway',
    });
  });
});
