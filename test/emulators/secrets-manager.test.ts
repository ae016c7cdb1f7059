import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { SecretsManagerEmulator } from '../../infra/local/emulators/secrets-manager';
import type { RunningServer } from '../../infra/local/emulators/serve';

const secrets = new SecretsManagerEmulator({ region: 'eu-west-2', accountId: '000000000000' });
let server: RunningServer;
let client: SecretsManagerClient;

beforeAll(async () => {
  server = await secrets.listen();
  client = new SecretsManagerClient({
    endpoint: server.url,
    region: 'eu-west-2',
    maxAttempts: 1,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => server.close());

describe('the local Secrets Manager', () => {
  it('answers GetSecretValue by name and by full ARN, with the ARN Secrets Manager gives (six-character suffix)', async () => {
    const arn = secrets.put('convene/local/x-credentials', '{"appKey":"k"}');
    expect(arn).toMatch(
      /^arn:aws:secretsmanager:eu-west-2:000000000000:secret:convene\/local\/x-credentials-\w{6}$/,
    );

    const byName = await client.send(new GetSecretValueCommand({ SecretId: 'convene/local/x-credentials' }));
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: arn }));

    expect(byName).toMatchObject({
      ARN: arn,
      Name: 'convene/local/x-credentials',
      SecretString: '{"appKey":"k"}',
    });
    expect(byArn.SecretString).toBe('{"appKey":"k"}');
    expect(secrets.arnOf('convene/local/x-credentials')).toBe(arn);
  });

  it('keeps the ARN it is given (the one the CDK app synthesizes)', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-2:000000000000:secret:Convene-local-Storage-TokenKey-AbCdEf';
    secrets.put('Convene-local-Storage-TokenKey', 'the key', arn);
    expect((await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString).toBe('the key');
  });

  it('answers ResourceNotFoundException, through the real client, for a secret taken away', async () => {
    secrets.put('convene/local/gone', 'x');
    secrets.remove('convene/local/gone');
    await expect(
      client.send(new GetSecretValueCommand({ SecretId: 'convene/local/gone' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
