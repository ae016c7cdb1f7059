import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvNames, optionalEnv, requireEnv } from '../config/env';

/**
 * The key that signs delegates' links, read once at cold start: from Secrets Manager when
 * TOKEN_SECRET_ARN is set (AWS), else from TOKEN_SECRET (the local stack's configuration).
 */
const loadKey = async (): Promise<string> => {
  const arn = optionalEnv(EnvNames.tokenSecretArn);
  if (!arn) return requireEnv(EnvNames.tokenSecret);
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: arn }),
  );
  if (!SecretString) throw new Error(`Secret ${arn} has no string value`);
  return SecretString;
};

export const tokenKey: string = await loadKey();
