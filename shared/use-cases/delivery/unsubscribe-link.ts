import { tokenKey } from '../../adapters/token-key';
import { EnvNames, requireEnv } from '../../config/env';
import { now } from '../../clock';
import { signToken } from '../../domain/tokens';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');
const VALID_DAYS = 365;

/**
 * The unsubscribe link for a delegate's campaign mail: `{PUBLIC_URL}/unsubscribe?token=...`, signed for
 * the purpose `unsubscribe` with the registration as subject (the address never appears in the URL).
 */
export const unsubscribeUrl = (registrationId: string): string => {
  const token = signToken(
    tokenKey,
    'unsubscribe',
    registrationId,
    new Date(now().getTime() + VALID_DAYS * 86_400_000),
  );
  return `${publicUrl}/unsubscribe?token=${token}`;
};
