// Plain ESM because jest loads global setup outside its transform; tsx imports the TypeScript module.
import { tsImport } from 'tsx/esm/api';

/** One DynamoDB Local (in memory) for the whole run; each test file makes its own table in it. */
export default async function globalSetup() {
  const { startDynamoDbLocal } = await tsImport('../../infra/local/dynamodb-local.ts', import.meta.url);
  const dynamo = await startDynamoDbLocal();
  process.env.CONVENE_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  globalThis.__conveneDynamo = dynamo;
}
