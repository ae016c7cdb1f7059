import { describe, expect, it } from '@jest/globals';
import { withoutGrant } from '../../infra/local/iam/policy-model';
import { startTestStack } from '../support/local-stack';

describe('IAM at cold start', () => {
  it("fails the cold start with AccessDenied when no function may read the link-signing key's secret", async () => {
    // The key is read once per instance, at module load (shared/adapters/token-key.ts).
    await expect(
      startTestStack({ policies: (model) => withoutGrant(model, '*', 'secretsmanager:GetSecretValue') }),
    ).rejects.toThrow(/not authorized to perform: secretsmanager:GetSecretValue on resource: .*TokenKey/);
  });
});
