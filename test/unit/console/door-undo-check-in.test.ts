import { describe, expect, it } from '@jest/globals';
import { undoCheckInRefusal } from '../../../shared/domain/registration/check-in';

describe('undoing a check-in', () => {
  it('is allowed for a confirmed delegate who is checked in', () => {
    expect(
      undoCheckInRefusal({ status: 'confirmed', attendedAt: '2027-04-01T07:52:00.000Z' }),
    ).toBeUndefined();
  });

  it('is refused for a delegate not checked in: there is nothing to undo', () => {
    expect(undoCheckInRefusal({ status: 'confirmed' })).toMatchObject({
      kind: 'conflict',
      code: 'not_checked_in',
    });
  });

  it('is refused for a booking that is not confirmed', () => {
    for (const status of ['cancelled', 'waitlisted', 'pending', 'rejected'] as const) {
      expect(undoCheckInRefusal({ status })).toMatchObject({ kind: 'conflict', code: 'not_confirmed' });
    }
  });
});
