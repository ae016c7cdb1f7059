import { createHash } from 'node:crypto';
import type { SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

/** A message attribute as the SQS JSON protocol carries it (binary values base64-encoded). */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}
export type MessageAttributes = Record<string, MessageAttributeValue>;

/** A message as a queue holds it. */
export interface StoredMessage {
  readonly id: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: MessageAttributes;
  readonly md5OfMessageAttributes: string | undefined;
  readonly sentAt: number;
  readonly extra: {
    AWSTraceHeader?: string;
    DeadLetterQueueSourceArn?: string;
    /** FIFO queues: the message's group, deduplication id and place in the queue. */
    MessageGroupId?: string;
    MessageDeduplicationId?: string;
    SequenceNumber?: string;
  };
  status: 'delayed' | 'visible' | 'inFlight';
  receiveCount: number;
  firstReceivedAt?: number;
  /** The latest receipt handle, while in flight. */
  receipt?: string;
  timer?: NodeJS.Timeout;
  endTracking?: () => void;
}

// Convene keeps messages within SQS's long-standing 256 KiB; SQS now allows 1 MiB, so this errs strict.
export const MAX_MESSAGE_BYTES = 262_144;

/** SQS errors by shape name, with the awsQuery code and status the SDK's query-compatible mapping reads. */
const ERRORS = {
  QueueDoesNotExist: [400, 'AWS.SimpleQueueService.NonExistentQueue'],
  InvalidParameterValue: [400, 'InvalidParameterValue'],
  MissingParameter: [400, 'MissingParameter'],
  InvalidMessageContents: [400, 'InvalidMessageContents'],
  InvalidAttributeName: [400, 'InvalidAttributeName'],
  ReceiptHandleIsInvalid: [404, 'ReceiptHandleIsInvalid'],
  MessageNotInflight: [400, 'AWS.SimpleQueueService.MessageNotInflight'],
  EmptyBatchRequest: [400, 'AWS.SimpleQueueService.EmptyBatchRequest'],
  TooManyEntriesInBatchRequest: [400, 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest'],
  BatchEntryIdsNotDistinct: [400, 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct'],
  InvalidBatchEntryId: [400, 'AWS.SimpleQueueService.InvalidBatchEntryId'],
  BatchRequestTooLong: [400, 'AWS.SimpleQueueService.BatchRequestTooLong'],
  UnsupportedOperation: [400, 'AWS.SimpleQueueService.UnsupportedOperation'],
  // What a test's injected fault answers (refuseSends): SQS's 503, which the SDK retries.
  ServiceUnavailable: [503, 'ServiceUnavailable'],
} as const;
export type SqsErrorCode = keyof typeof ERRORS;

export class SqsError extends Error {
  constructor(
    readonly code: SqsErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return ERRORS[this.code][0];
  }

  get queryCode(): string {
    return ERRORS[this.code][1];
  }
}

export const md5Hex = (data: string | Buffer): string => createHash('md5').update(data).digest('hex');

const lengthPrefixed = (bytes: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};

/**
 * SQS's digest of message attributes: per attribute in name order, length-prefixed name and data type,
 * a transport byte (1 string, 2 binary) and the length-prefixed value.
 */
export const md5OfMessageAttributes = (attributes: MessageAttributes): string | undefined => {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const name of names) {
    const attribute = attributes[name];
    if (attribute === undefined) continue;
    parts.push(lengthPrefixed(Buffer.from(name)), lengthPrefixed(Buffer.from(attribute.DataType)));
    if (attribute.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]), lengthPrefixed(Buffer.from(attribute.BinaryValue, 'base64')));
    } else {
      parts.push(Buffer.from([1]), lengthPrefixed(Buffer.from(attribute.StringValue ?? '')));
    }
  }
  return md5Hex(Buffer.concat(parts));
};

// The characters SQS accepts in a body or string attribute (XML 1.0's character range).
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Checks a body and its attributes as SendMessage does; returns the size they count against the limit. */
export const validateMessage = (body: string, attributes: MessageAttributes): number => {
  if (body.length === 0)
    throw new SqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
  if (INVALID_CHARACTER.test(body)) {
    throw new SqsError('InvalidMessageContents', 'Invalid binary character in the message body.');
  }
  const names = Object.keys(attributes);
  if (names.length > 10) {
    throw new SqsError('InvalidParameterValue', 'Number of message attributes cannot exceed 10.');
  }
  let size = Buffer.byteLength(body);
  for (const name of names) {
    const attribute = attributes[name];
    if (attribute === undefined) continue;
    const kind = attribute.DataType.split('.')[0];
    const value = kind === 'Binary' ? attribute.BinaryValue : attribute.StringValue;
    if (!['String', 'Number', 'Binary'].includes(kind ?? '') || value === undefined || value === '') {
      throw new SqsError(
        'InvalidParameterValue',
        `Message attribute '${name}' has an invalid type or value.`,
      );
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(attribute.DataType);
    size += kind === 'Binary' ? Buffer.from(value, 'base64').length : Buffer.byteLength(value);
  }
  if (size > MAX_MESSAGE_BYTES) {
    throw new SqsError(
      'InvalidParameterValue',
      `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`,
    );
  }
  return size;
};

/** Lambda's shape for message attributes in an SQS event record. */
export const toLambdaAttributes = (attributes: MessageAttributes): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, a]) => [
      name,
      {
        dataType: a.DataType,
        stringValue: a.StringValue,
        binaryValue: a.BinaryValue,
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  );

export const systemAttributes = (message: StoredMessage, senderId: string): SQSRecordAttributes => ({
  ApproximateReceiveCount: String(message.receiveCount),
  SentTimestamp: String(message.sentAt),
  SenderId: senderId,
  ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
  ...message.extra,
});

/** The record Lambda's SQS event source hands a function for one received message. */
export const toLambdaRecord = (
  message: StoredMessage,
  queue: { arn: string; region: string; accountId: string },
): SQSRecord => ({
  messageId: message.id,
  receiptHandle: message.receipt ?? '',
  body: message.body,
  attributes: systemAttributes(message, queue.accountId),
  messageAttributes: toLambdaAttributes(message.messageAttributes),
  md5OfBody: message.md5OfBody,
  ...(message.md5OfMessageAttributes === undefined
    ? {}
    : { md5OfMessageAttributes: message.md5OfMessageAttributes }),
  eventSource: 'aws:sqs',
  eventSourceARN: queue.arn,
  awsRegion: queue.region,
});
