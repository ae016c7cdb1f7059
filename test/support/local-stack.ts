import { randomUUID } from 'node:crypto';
import { signLocalToken } from '../../infra/local/local-auth';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack';

/**
 * A whole local stack for one test file: its own table in the run's shared DynamoDB Local, its own
 * mail store, emulators and HTTP API on free ports.
 */
export const startTestStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  const endpoint = process.env.CONVENE_TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('CONVENE_TEST_DYNAMODB_ENDPOINT is not set: run through `npm test` (jest global setup).');
  return startLocalStack({
    port: 0,
    mailPort: 0,
    dynamodbEndpoint: endpoint,
    tableName: `convene-test-${randomUUID()}`,
    // Every test stack's clients share 127.0.0.1: the per-client limit is off unless a test turns it on.
    registrationLimitPerMinute: 0,
    // The send queue's one-second window is real time a test would wait at every mail step.
    batchingWindowMs: 0,
    ...options,
  });
};

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A small HTTP client for the local API, with tokens per group. */
export const apiClient = (baseUrl: string) => {
  const tokens = new Map<string, string>();
  const tokenFor = async (group: string): Promise<string> => {
    const cached = tokens.get(group);
    if (cached) return cached;
    const token = await signLocalToken(group === 'none' ? [] : [group]);
    tokens.set(group, token);
    return token;
  };
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      as?: 'organisers' | 'comms' | 'none';
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  };
  return { call, tokenFor };
};
