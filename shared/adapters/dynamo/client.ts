import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EnvNames, requireEnv } from '../../config/env';

/** Created once per module (cold start); the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set. */
export const tableName = requireEnv(EnvNames.tableName);

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
  marshallOptions: { removeUndefinedValues: true },
});
