import { createHash } from 'node:crypto';
import { deriveAddressKey, digestAddress } from '../../../shared/domain/address-digest';

describe('address digest', () => {
  const key = deriveAddressKey('a link secret');

  it('is the same for the same address however it is written', () => {
    expect(digestAddress(key, '  Ada@Example.ORG ')).toBe(digestAddress(key, 'ada@example.org'));
  });

  it('keeps plus-address tags (stripping them is the caller’s choice)', () => {
    expect(digestAddress(key, 'ada+x@example.org')).not.toBe(digestAddress(key, 'ada@example.org'));
  });

  it('is keyed: not the plain SHA-256, and another key gives another digest', () => {
    const plain = createHash('sha256').update('ada@example.org').digest('hex');
    expect(digestAddress(key, 'ada@example.org')).not.toBe(plain);
    expect(digestAddress(deriveAddressKey('another secret'), 'ada@example.org')).not.toBe(
      digestAddress(key, 'ada@example.org'),
    );
  });

  it('derives a key that is not the secret itself', () => {
    expect(key).toHaveLength(32);
    expect(key.toString('utf8')).not.toContain('a link secret');
  });
});
