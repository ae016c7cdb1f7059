import { awsError, serve, type RunningServer, type WireRequest, type WireResponse } from './serve';

interface StoredSecret {
  readonly arn: string;
  readonly name: string;
  readonly value: string;
  readonly createdAt: Date;
}

/** Secrets Manager appends six characters to a secret's name in its ARN; a stable six, here. */
const suffixOf = (name: string): string => {
  let hash = 7;
  for (const char of name) hash = (hash * 33 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(6, '0').slice(-6);
};

/**
 * A loopback Secrets Manager of the one operation Convene's functions call, GetSecretValue, on the AWS
 * JSON 1.1 protocol the SDK speaks (`X-Amz-Target: secretsmanager.GetSecretValue`). A secret is found by
 * name or by full ARN, as on AWS; a missing one is `ResourceNotFoundException`, so tests can take a secret
 * away and see what a function does without it.
 */
export class SecretsManagerEmulator {
  private readonly secrets = new Map<string, StoredSecret>();
  private server?: RunningServer;

  constructor(private readonly at: { readonly region: string; readonly accountId: string }) {}

  /** Stores a secret under `name` (or the given ARN, which must end in `name-XXXXXX`); returns its ARN. */
  put(name: string, value: string, arn?: string): string {
    const secretArn =
      arn ?? `arn:aws:secretsmanager:${this.at.region}:${this.at.accountId}:secret:${name}-${suffixOf(name)}`;
    this.secrets.set(name, { arn: secretArn, name, value, createdAt: new Date() });
    return secretArn;
  }

  /** Takes a secret away (by name or ARN), as a deleted or never-created secret. */
  remove(id: string): void {
    const secret = this.find(id);
    if (secret) this.secrets.delete(secret.name);
  }

  /** The full ARN of a secret named by name or ARN; an ARN-shaped guess for one that does not exist. */
  arnOf(id: string): string {
    return (
      this.find(id)?.arn ??
      (id.startsWith('arn:')
        ? id
        : `arn:aws:secretsmanager:${this.at.region}:${this.at.accountId}:secret:${id}`)
    );
  }

  private find(id: string): StoredSecret | undefined {
    return this.secrets.get(id) ?? [...this.secrets.values()].find((s) => s.arn === id);
  }

  private async handle(request: WireRequest): Promise<WireResponse> {
    const target = request.headers['x-amz-target'];
    if (target !== 'secretsmanager.GetSecretValue') {
      return awsError(
        400,
        'UnknownOperationException',
        `The local Secrets Manager does not support ${String(target)}.`,
      );
    }
    const { SecretId } = JSON.parse(request.body || '{}') as { SecretId?: string };
    const secret = SecretId ? this.find(SecretId) : undefined;
    if (!secret) {
      return awsError(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: {
        ARN: secret.arn,
        Name: secret.name,
        SecretString: secret.value,
        VersionId: '00000000-0000-4000-8000-000000000001',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: secret.createdAt.getTime() / 1000,
      },
    };
  }

  async listen(port = 0): Promise<RunningServer> {
    this.server = await serve((request) => this.handle(request), port);
    return this.server;
  }
}
