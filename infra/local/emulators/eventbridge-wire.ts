/**
 * The AWS JSON 1.1 face of the EventBridge emulator: the SDK posts `X-Amz-Target: AWSEvents.<Operation>` with
 * a JSON body, and reads errors from `x-amzn-ErrorType` / `__type`.
 */
import type { PutEventsRequestEntry, PutEventsResponse } from '@aws-sdk/client-eventbridge';
import { awsError, type WireRequest, type WireResponse } from './serve';

/** An error that crosses the wire as an AWS error of `type` (ValidationException, ResourceNotFoundException...). */
export class AwsServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export interface WireBus {
  readonly Name: string;
  readonly Arn: string;
}

export interface WireRule {
  readonly Name: string;
  readonly Arn: string;
  readonly EventPattern: string;
  readonly State: 'ENABLED';
  readonly EventBusName: string;
}

/** The operations the wire exposes; the emulator implements them. */
export interface EventBridgeOperations {
  putEvents(entries: PutEventsRequestEntry[]): Promise<PutEventsResponse>;
  describeEventBus(nameOrArn?: string): WireBus;
  listRules(eventBusNameOrArn?: string, namePrefix?: string): WireRule[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Wire timestamps are epoch seconds (awsJson1_1); an ISO string is accepted too, for hand-written calls. */
const toDate = (value: unknown): Date | undefined =>
  typeof value === 'number'
    ? new Date(value * 1000)
    : typeof value === 'string'
      ? new Date(value)
      : undefined;

const toEntry = (raw: unknown): PutEventsRequestEntry => {
  const entry = isObject(raw) ? raw : {};
  return {
    Source: optionalString(entry.Source),
    DetailType: optionalString(entry.DetailType),
    Detail: optionalString(entry.Detail),
    EventBusName: optionalString(entry.EventBusName),
    Resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : undefined,
    Time: toDate(entry.Time),
    TraceHeader: optionalString(entry.TraceHeader),
  };
};

const ok = (body: unknown): WireResponse => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body,
});

const targetOf = (request: WireRequest): string | undefined => {
  const header = request.headers['x-amz-target'];
  return Array.isArray(header) ? header[0] : header;
};

export const eventBridgeWireHandler =
  (operations: EventBridgeOperations) =>
  async (request: WireRequest): Promise<WireResponse> => {
    const target = targetOf(request);
    let input: JsonObject;
    try {
      const parsed: unknown = request.body ? JSON.parse(request.body) : {};
      input = isObject(parsed) ? parsed : {};
    } catch {
      return awsError(400, 'SerializationException', 'The request body is not valid JSON.');
    }
    try {
      switch (target) {
        case 'AWSEvents.PutEvents':
          if (!Array.isArray(input.Entries)) {
            throw new AwsServiceError(
              'ValidationException',
              "1 validation error detected: 'entries' is required",
            );
          }
          return ok(await operations.putEvents(input.Entries.map(toEntry)));
        case 'AWSEvents.DescribeEventBus':
          return ok(operations.describeEventBus(optionalString(input.Name)));
        case 'AWSEvents.ListRules':
          return ok({
            Rules: operations.listRules(optionalString(input.EventBusName), optionalString(input.NamePrefix)),
          });
        default:
          return awsError(
            400,
            'UnknownOperationException',
            `The local EventBridge emulator does not support ${target ?? 'a request without X-Amz-Target'}.`,
          );
      }
    } catch (error) {
      if (error instanceof AwsServiceError) return awsError(error.status, error.type, error.message);
      throw error;
    }
  };
