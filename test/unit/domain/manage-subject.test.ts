import { describe, expect, it } from '@jest/globals';
import {
  holderOf,
  manageSubject,
  parseManageSubject,
} from '../../../shared/domain/registration/manage-subject';

describe('the subject of a manage link', () => {
  it('is the bare registration id for the first holder, as in every link sent before substitutions', () => {
    expect(manageSubject({ registrationId: 'reg_1', holder: 0 })).toBe('reg_1');
    expect(parseManageSubject('reg_1')).toEqual({ registrationId: 'reg_1', holder: 0 });
  });

  it('names the holder once the place has been passed on', () => {
    expect(manageSubject({ registrationId: 'reg_1', holder: 2 })).toBe('reg_1~2');
    expect(parseManageSubject('reg_1~2')).toEqual({ registrationId: 'reg_1', holder: 2 });
    expect(holderOf({ formerDelegates: [{ version: 3 }, { version: 5 }] as never })).toBe(2);
    expect(holderOf({})).toBe(0);
  });

  it.each(['reg_1~0', 'reg_1~', 'reg_1~x', 'reg_1~2~3', '~1', ''])('refuses %p', (subject) => {
    expect(parseManageSubject(subject)).toBeUndefined();
  });
});
