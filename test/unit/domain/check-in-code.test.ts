import { describe, expect, it } from '@jest/globals';
import {
  checkInCode,
  checkToken,
  isCheckInCode,
  normaliseCheckInCode,
  signToken,
} from '../../../shared/domain/tokens';

const KEY = 'a-test-key';
const ID = 'reg_01jq8n0a1b2c3d4e5f6g7h8j9k';

describe('check-in codes', () => {
  it('are 8 characters of an alphabet without I, L, O or U, the same every time for a registration', () => {
    const code = checkInCode(KEY, ID);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(checkInCode(KEY, ID)).toBe(code);
  });

  it('differ between registrations and between keys', () => {
    const codes = new Set(Array.from({ length: 500 }, (_, i) => checkInCode(KEY, `${ID}${i}`)));
    expect(codes.size).toBe(500);
    expect(checkInCode('another-key', ID)).not.toBe(checkInCode(KEY, ID));
  });

  it('are verified without a table: as typed, in lower case, with spaces or hyphens, and O/I/L read as digits', () => {
    const code = checkInCode(KEY, ID);
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(isCheckInCode(KEY, ID, code)).toBe(true);
    expect(isCheckInCode(KEY, ID, typed)).toBe(true);
    expect(isCheckInCode(KEY, `${ID}x`, code)).toBe(false);
  });

  it('refuse what cannot be a code', () => {
    expect(normaliseCheckInCode('SHORT')).toBeUndefined();
    expect(normaliseCheckInCode('ABCDEFGHU')).toBeUndefined();
    expect(normaliseCheckInCode('ABCD EFGU')).toBeUndefined();
    expect(isCheckInCode(KEY, ID, '')).toBe(false);
  });

  it('are never the manage token, and a code is no token of any purpose', () => {
    const code = checkInCode(KEY, ID);
    const manage = signToken(KEY, 'manage', ID, new Date('2030-01-01T00:00:00Z'));
    expect(manage).not.toContain(code);
    expect(checkToken(KEY, 'manage', code, new Date()).ok).toBe(false);
  });
});
