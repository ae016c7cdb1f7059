import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from '../zod';
import { EnvNames, MissingConfigurationError, optionalEnv } from '../config/env';

/** OAuth 1.0a user credentials of the account Convene posts as. */
export const xCredentialsSchema = z.object({
  appKey: z.string().check(z.minLength(1)),
  appSecret: z.string().check(z.minLength(1)),
  accessToken: z.string().check(z.minLength(1)),
  accessSecret: z.string().check(z.minLength(1)),
});
export type XCredentials = z.infer<typeof xCredentialsSchema>;

let cached: Promise<XCredentials> | undefined;

const load = async (): Promise<XCredentials> => {
  const secretName = optionalEnv(EnvNames.xCredentialsSecret);
  const inline = optionalEnv(EnvNames.xCredentials);
  const file = optionalEnv(EnvNames.xCredentialsFile);
  let text: string | undefined;
  if (secretName) {
    const { SecretString } = await new SecretsManagerClient({}).send(
      new GetSecretValueCommand({ SecretId: secretName }),
    );
    if (!SecretString) throw new Error(`Secret ${secretName} has no string value`);
    text = SecretString;
  } else if (inline) {
    text = inline;
  } else if (file) {
    text = readFileSync(file, 'utf8');
  }
  if (text === undefined) throw new MissingConfigurationError(EnvNames.xCredentialsSecret);
  return xCredentialsSchema.parse(JSON.parse(text));
};

/**
 * The X credentials, read once per instance: from Secrets Manager where X_CREDENTIALS_SECRET is set (AWS),
 * else from X_CREDENTIALS or X_CREDENTIALS_FILE (the local stack).
 */
export const xCredentials = (): Promise<XCredentials> => {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
};
