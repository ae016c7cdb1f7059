// Plain ESM because jest loads global setup outside its transform; tsx imports the TypeScript module.
import { fileURLToPath, URL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

/**
 * One DynamoDB Local (in memory) for the whole run; each test file makes its own table in it. The local
 * stack's IAM policies, the pages' assets and their compiled templates are built here, once, before the
 * workers start, so no test file waits for them.
 */
export default async function globalSetup() {
  // Each run's figures are its own: the teardown adds up only what this run's tests record.
  (await tsImport('./figures.ts', import.meta.url)).startRunFigures();
  const { startDynamoDbLocal } = await tsImport('../../infra/local/dynamodb-local.ts', import.meta.url);
  const { localPolicyModel } = await tsImport('../../infra/local/iam/policy-cache.ts', import.meta.url);
  const { localDeployment } = await tsImport('../../infra/local/environment.ts', import.meta.url);
  const { buildAssets } = await tsImport('../../infra/assets/build-assets.ts', import.meta.url);
  const { compileTemplates } = await tsImport('../../infra/assets/compile-templates.ts', import.meta.url);
  // Built once here, so two workers never write the same files at once.
  buildAssets();
  compileTemplates();
  const [dynamo] = await Promise.all([
    startDynamoDbLocal(),
    localPolicyModel(fileURLToPath(new URL('../../', import.meta.url)), localDeployment('local')),
  ]);
  process.env.CONVENE_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  globalThis.__conveneDynamo = dynamo;
}
