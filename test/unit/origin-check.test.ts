import { describe, expect, it } from '@jest/globals';
import { viaPublicAddress } from '../../shared/http/origin-check';

describe('requests through the public address', () => {
  const check = viaPublicAddress('X-Convene-Origin-Verify', 's3cret-value');

  it('admits a request carrying the secret CloudFront adds', () => {
    expect(check({ 'x-convene-origin-verify': 's3cret-value' })).toBe(true);
  });

  it.each([
    ['no header', {}],
    ['another value', { 'x-convene-origin-verify': 's3cret-valuX' }],
    ['a prefix of it', { 'x-convene-origin-verify': 's3cret' }],
    ['no headers at all', undefined],
  ])('refuses a request with %s (straight to the execute-api endpoint)', (_case, headers) => {
    expect(check(headers)).toBe(false);
  });

  it('admits everything where no secret is configured (the local stack)', () => {
    expect(viaPublicAddress(undefined, undefined)({})).toBe(true);
  });
});
