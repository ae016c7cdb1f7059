import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvNames, optionalEnv, requireEnv } from '../config/env';

/**
 * The link key's secret value: from Secrets Manager when TOKEN_SECRET_ARN is set (AWS, and the local
 * stack's Secrets Manager), else from TOKEN_SECRET. Read by token-key.ts (links) and address-digest.ts.
 */
export const readLinkSecret = async (): Promise<string> => {
  const arn = optionalEnv(EnvNames.tokenSecretArn);
  if (!arn) return requireEnv(EnvNames.tokenSecret);
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: arn }),
  );
  if (!SecretString) throw new Error(`Secret ${arn} has no string value`);
  return SecretString;
};
