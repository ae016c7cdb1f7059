import type { IncomingHttpHeaders } from 'node:http';
import type { SigningService } from '../../iam/sdk-permissions';

/** One AWS API call as it arrives on the wire, read back into the SDK's input shape. */
export interface WireCall {
  readonly service: SigningService;
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

export interface RawRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const signingServices = new Set<string>([
  'dynamodb',
  'events',
  'scheduler',
  'sqs',
  'ses',
  'secretsmanager',
  'cognito-idp',
]);

/** The service of a SigV4-signed request: the fourth part of its credential scope. */
export const signingServiceOf = (headers: IncomingHttpHeaders): SigningService | undefined => {
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '');
  const service = scope?.[1];
  return service && signingServices.has(service) ? (service as SigningService) : undefined;
};

const json = (body: Buffer): Record<string, unknown> =>
  body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);

/** REST-JSON services route by method and path; the input is the body plus what the path and query carry. */
const restCall = (
  service: 'ses' | 'scheduler',
  method: string,
  url: URL,
  body: Buffer,
): { operation: string; input: Record<string, unknown> } | undefined => {
  const path = decodeURIComponent(url.pathname);
  if (service === 'ses') {
    if (method === 'POST' && path === '/v2/email/outbound-emails')
      return { operation: 'SendEmail', input: json(body) };
    return undefined;
  }
  const name = /^\/schedules\/([^/]+)$/.exec(path)?.[1];
  if (path === '/schedules' && method === 'GET') return { operation: 'ListSchedules', input: {} };
  if (!name) return undefined;
  const groupName = url.searchParams.get('groupName') ?? undefined;
  const operation = {
    POST: 'CreateSchedule',
    PUT: 'UpdateSchedule',
    GET: 'GetSchedule',
    DELETE: 'DeleteSchedule',
  }[method];
  if (!operation) return undefined;
  return { operation, input: { ...json(body), Name: name, ...(groupName ? { GroupName: groupName } : {}) } };
};

/**
 * Reads a request to an AWS endpoint into (service, operation, input): `X-Amz-Target` for the JSON
 * protocols (DynamoDB, EventBridge, SQS, Secrets Manager), method and path for the REST ones (SES v2,
 * Scheduler). Undefined when the request is not one this reader knows how to read.
 */
export const readWireCall = (service: SigningService, request: RawRequest): WireCall | undefined => {
  if (service === 'ses' || service === 'scheduler') {
    const call = restCall(service, request.method, new URL(request.url, 'http://local'), request.body);
    return call && { service, ...call };
  }
  const target = request.headers['x-amz-target'];
  const operation = typeof target === 'string' ? target.slice(target.lastIndexOf('.') + 1) : undefined;
  if (!operation) return undefined;
  return { service, operation, input: json(request.body) };
};
