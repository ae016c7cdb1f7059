import { describe, expect, it } from '@jest/globals';
import { registrationRequest } from '../../../shared/api/registration-schemas';
import { suspectedBulkGroups, viewerAddressOf } from '../../../shared/domain/abuse/bulk-sign-ups';
import {
  caughtByHoneypot,
  claimAddress,
  nameProblem,
  untaggedAddress,
} from '../../../shared/domain/abuse/sign-up-rules';

describe('names', () => {
  it.each([
    'Claim your prize at http://evil.example/win 7',
    'Visit www.bargains.test',
    'evil.example/win',
    'Go to prizes.com now',
    'hxxp ftp://files.example.org',
  ])('refuse a web address: %s', (name) => {
    expect(nameProblem(name)).toBe('A name cannot contain a web address');
  });

  it('refuse an email address', () => {
    expect(nameProblem('Write to win@evil.example')).toBe('A name cannot contain an email address');
  });

  it.each([
    'Siân Jones',
    'Mary St.John',
    'Dr. A. N. Other',
    "Anne-Marie O'Neill",
    'J.R.R. Tolkien',
    'Zoë Ağaoğlu',
  ])('take a person’s name: %s', (name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it('are refused by the request schema with the reason on the name', () => {
    const parsed = registrationRequest.safeParse({
      name: 'see http://x.example',
      email: 'a@school.example.org',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'A name cannot contain a web address'],
    ]);
  });
});

describe('plus-tagged addresses', () => {
  it('are one address without the tag, lower-cased', () => {
    expect(untaggedAddress('Victim+7@School.example.org')).toBe('victim@school.example.org');
    expect(untaggedAddress('victim@school.example.org')).toBe('victim@school.example.org');
    // A local part that is only a tag is kept as it is.
    expect(untaggedAddress('+7@school.example.org')).toBe('+7@school.example.org');
  });

  it('are one for "already registered" unless the event counts them apart', () => {
    expect(claimAddress('victim+7@school.example.org', {})).toBe('victim@school.example.org');
    expect(claimAddress('victim+7@school.example.org', { ignoreEmailTags: true })).toBe(
      'victim@school.example.org',
    );
    expect(claimAddress('victim+7@school.example.org', { ignoreEmailTags: false })).toBe(
      'victim+7@school.example.org',
    );
  });
});

describe('the honeypot', () => {
  it('catches a form whose hidden website field is filled, and nothing else', () => {
    expect(caughtByHoneypot({ name: 'Bot', website: 'http://spam.example' })).toBe(true);
    expect(caughtByHoneypot({ name: 'Person', website: '' })).toBe(false);
    expect(caughtByHoneypot({ name: 'Person' })).toBe(false);
  });
});

describe('suspected bulk sign-ups', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, 0) + minute * 60_000).toISOString();
  const signUps = (client: string, minutes: readonly number[]) =>
    minutes.map((m, i) => ({ registrationId: `${client}-${i}`, client, at: at(m) }));

  it('are 10 or more from one client within 10 minutes, as one group', () => {
    const burst = signUps('a', [0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30]);
    const groups = suspectedBulkGroups(burst);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.registrations.map((r) => r.registrationId)).toEqual(
      burst.slice(0, 11).map((r) => r.registrationId),
    );
  });

  it('leave out a dozen colleagues registered over an hour, and 9 in a burst', () => {
    expect(suspectedBulkGroups(signUps('school', [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]))).toEqual(
      [],
    );
    expect(suspectedBulkGroups(signUps('b', [0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual([]);
  });

  it('keep clients apart, whatever their timing', () => {
    const mixed = [...signUps('a', [0, 0, 0, 0, 0]), ...signUps('b', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])];
    expect(suspectedBulkGroups(mixed).map((g) => [g.client, g.registrations.length])).toEqual([['b', 10]]);
  });

  it('read the viewer’s address without its port', () => {
    expect(viewerAddressOf('198.51.100.7:46532')).toBe('198.51.100.7');
    expect(viewerAddressOf('2001:db8::1:443')).toBe('2001:db8::1');
    expect(viewerAddressOf(undefined)).toBeUndefined();
  });
});
