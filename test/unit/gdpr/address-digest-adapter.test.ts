import { deriveAddressKey, digestAddress } from '../../../shared/domain/address-digest';

describe('addressDigest (adapter)', () => {
  it('uses the key derived from the link secret', async () => {
    process.env.TOKEN_SECRET = 'the local link secret';
    delete process.env.TOKEN_SECRET_ARN;
    const { addressDigest } = await import('../../../shared/adapters/address-digest');
    expect(await addressDigest(' Bo@Example.org')).toBe(
      digestAddress(deriveAddressKey('the local link secret'), 'bo@example.org'),
    );
  });
});
