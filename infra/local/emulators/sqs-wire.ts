import * as z from '../../../shared/zod';
import { awsError, type WireRequest, type WireResponse } from './serve';
import type { SqsEmulator } from './sqs';
import { md5OfMessageAttributes, MAX_MESSAGE_BYTES, SqsError, type MessageAttributes } from './sqs-message';

const attributeValue = z.object({
  DataType: z.string().check(z.minLength(1), z.maxLength(256)),
  StringValue: z.optional(z.string()),
  BinaryValue: z.optional(z.string()),
});
const attributeMap = z.record(z.string().check(z.minLength(1), z.maxLength(256)), attributeValue);
const sendFields = {
  MessageBody: z.string(),
  DelaySeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(900))),
  MessageAttributes: z.optional(attributeMap),
  MessageSystemAttributes: z.optional(attributeMap),
  MessageGroupId: z.optional(z.string().check(z.maxLength(128))),
  MessageDeduplicationId: z.optional(z.string().check(z.maxLength(128))),
};
const queueUrl = { QueueUrl: z.string().check(z.minLength(1)) };
const names = z.optional(z.array(z.string()));

const schemas = {
  SendMessage: z.object({ ...queueUrl, ...sendFields }),
  SendMessageBatch: z.object({ ...queueUrl, Entries: z.array(z.object({ Id: z.string(), ...sendFields })) }),
  ReceiveMessage: z.object({
    ...queueUrl,
    MaxNumberOfMessages: z.optional(z.number().check(z.int(), z.gte(1), z.lte(10))),
    VisibilityTimeout: z.optional(z.number().check(z.int(), z.gte(0), z.lte(43_200))),
    WaitTimeSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(20))),
    AttributeNames: names,
    MessageSystemAttributeNames: names,
    MessageAttributeNames: names,
  }),
  DeleteMessage: z.object({ ...queueUrl, ReceiptHandle: z.string().check(z.minLength(1)) }),
  ChangeMessageVisibility: z.object({
    ...queueUrl,
    ReceiptHandle: z.string().check(z.minLength(1)),
    VisibilityTimeout: z.number().check(z.int(), z.gte(0), z.lte(43_200)),
  }),
  GetQueueUrl: z.object({
    QueueName: z.string().check(z.minLength(1)),
    QueueOwnerAWSAccountId: z.optional(z.string()),
  }),
  GetQueueAttributes: z.object({ ...queueUrl, AttributeNames: names }),
  PurgeQueue: z.object(queueUrl),
};
type Operation = keyof typeof schemas;
type Input<O extends Operation> = z.infer<(typeof schemas)[O]>;

const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

const sqsError = (error: SqsError): WireResponse => {
  const response = awsError(error.status, `com.amazonaws.sqs#${error.code}`, error.message);
  // The SDK speaks JSON to SQS in query-compatible mode: it maps the error by this header's code.
  return { ...response, headers: { ...response.headers, 'x-amzn-query-error': `${error.queryCode};Sender` } };
};

const queueOf = (sqs: SqsEmulator, url: string): string => {
  const name = sqs.queueNameOf(url);
  if (name === undefined) throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return name;
};

/** Attributes named in a request: "All", exact names, or for message attributes a `prefix.*`. */
const selected = <T>(all: Record<string, T>, requested: string[] | undefined): Record<string, T> => {
  const wanted = requested ?? [];
  const keep = (name: string): boolean =>
    wanted.some(
      (w) => w === 'All' || w === '.*' || w === name || (w.endsWith('.*') && name.startsWith(w.slice(0, -1))),
    );
  return Object.fromEntries(Object.entries(all).filter(([name]) => keep(name)));
};

const send = (
  sqs: SqsEmulator,
  queue: string,
  entry: z.infer<typeof schemas.SendMessage> | Input<'SendMessageBatch'>['Entries'][number],
) => {
  const sent = sqs.send(queue, {
    body: entry.MessageBody,
    delaySeconds: entry.DelaySeconds,
    attributes: entry.MessageAttributes,
    traceHeader: entry.MessageSystemAttributes?.['AWSTraceHeader']?.StringValue,
    groupId: entry.MessageGroupId,
    deduplicationId: entry.MessageDeduplicationId,
  });
  return {
    MessageId: sent.messageId,
    MD5OfMessageBody: sent.md5OfBody,
    MD5OfMessageAttributes: sent.md5OfMessageAttributes,
    ...(sent.sequenceNumber === undefined ? {} : { SequenceNumber: sent.sequenceNumber }),
  };
};

const sendBatch = (sqs: SqsEmulator, input: Input<'SendMessageBatch'>): WireResponse => {
  const queue = queueOf(sqs, input.QueueUrl);
  const { Entries: entries } = input;
  if (entries.length === 0)
    throw new SqsError(
      'EmptyBatchRequest',
      'There should be at least one SendMessageBatchRequestEntry in the request.',
    );
  if (entries.length > 10) {
    throw new SqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  }
  const invalid = entries.find((e) => !BATCH_ENTRY_ID.test(e.Id));
  if (invalid !== undefined)
    throw new SqsError(
      'InvalidBatchEntryId',
      `A batch entry id can only contain alphanumeric characters, hyphens and underscores.`,
    );
  if (new Set(entries.map((e) => e.Id)).size !== entries.length) {
    throw new SqsError(
      'BatchEntryIdsNotDistinct',
      'Two or more batch entries in the request have the same Id.',
    );
  }
  const total = entries.reduce((sum, e) => sum + Buffer.byteLength(e.MessageBody), 0);
  if (total > MAX_MESSAGE_BYTES) {
    throw new SqsError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes.`,
    );
  }
  const Successful: unknown[] = [];
  const Failed: unknown[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...send(sqs, queue, entry) });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: true, Code: error.code, Message: error.message });
    }
  }
  return { status: 200, body: { Successful, Failed } };
};

const receive = async (sqs: SqsEmulator, input: Input<'ReceiveMessage'>): Promise<WireResponse> => {
  const messages = await sqs.receive(queueOf(sqs, input.QueueUrl), {
    maxMessages: input.MaxNumberOfMessages,
    visibilityTimeoutMs: input.VisibilityTimeout === undefined ? undefined : input.VisibilityTimeout * 1000,
    waitTimeMs: (input.WaitTimeSeconds ?? 0) * 1000,
  });
  const systemNames = [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])];
  return {
    status: 200,
    body: {
      Messages: messages.map((m) => {
        const attributes: MessageAttributes = selected(m.messageAttributes, input.MessageAttributeNames);
        return {
          MessageId: m.messageId,
          ReceiptHandle: m.receiptHandle,
          Body: m.body,
          MD5OfBody: m.md5OfBody,
          Attributes: selected({ ...m.attributes }, systemNames),
          ...(Object.keys(attributes).length === 0
            ? {}
            : { MessageAttributes: attributes, MD5OfMessageAttributes: md5OfMessageAttributes(attributes) }),
        };
      }),
    },
  };
};

const getQueueAttributes = (sqs: SqsEmulator, input: Input<'GetQueueAttributes'>): WireResponse => {
  const all = sqs.queueAttributes(queueOf(sqs, input.QueueUrl));
  const unknown = (input.AttributeNames ?? []).find((name) => name !== 'All' && !(name in all));
  if (unknown !== undefined) throw new SqsError('InvalidAttributeName', `Unknown Attribute ${unknown}.`);
  return { status: 200, body: { Attributes: selected(all, input.AttributeNames) } };
};

const handlers: {
  [O in Operation]: (sqs: SqsEmulator, input: Input<O>) => WireResponse | Promise<WireResponse>;
} = {
  SendMessage: (sqs, input) => ({ status: 200, body: send(sqs, queueOf(sqs, input.QueueUrl), input) }),
  SendMessageBatch: sendBatch,
  ReceiveMessage: receive,
  DeleteMessage: (sqs, input) => {
    sqs.deleteMessage(queueOf(sqs, input.QueueUrl), input.ReceiptHandle);
    return { status: 200, body: {} };
  },
  ChangeMessageVisibility: (sqs, input) => {
    sqs.changeVisibility(queueOf(sqs, input.QueueUrl), input.ReceiptHandle, input.VisibilityTimeout * 1000);
    return { status: 200, body: {} };
  },
  GetQueueUrl: (sqs, input) => {
    const url = sqs.queueUrl(input.QueueName);
    if (sqs.queueNameOf(url) === undefined)
      throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.');
    return { status: 200, body: { QueueUrl: url } };
  },
  GetQueueAttributes: getQueueAttributes,
  PurgeQueue: (sqs, input) => {
    sqs.purge(queueOf(sqs, input.QueueUrl));
    return { status: 200, body: {} };
  },
};

const isOperation = (name: string): name is Operation => Object.hasOwn(schemas, name);

const dispatch = async <O extends Operation>(
  sqs: SqsEmulator,
  operation: O,
  body: unknown,
): Promise<WireResponse> => {
  const parsed = schemas[operation].safeParse(body);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SqsError('InvalidParameterValue', `Invalid ${operation} request. ${problem}`);
  }
  return handlers[operation](sqs, parsed.data as Input<O>);
};

/** The AWS JSON 1.0 request handler for `serve()`: `X-Amz-Target: AmazonSQS.<Operation>`. */
export const sqsWire =
  (sqs: SqsEmulator) =>
  async (request: WireRequest): Promise<WireResponse> => {
    const target = request.headers['x-amz-target'];
    const operation = typeof target === 'string' && target.startsWith('AmazonSQS.') ? target.slice(10) : '';
    if (request.method !== 'POST' || !isOperation(operation)) {
      return sqsError(
        new SqsError('UnsupportedOperation', `${operation || request.method} is not emulated.`),
      );
    }
    try {
      let body: unknown;
      try {
        body = JSON.parse(request.body || '{}');
      } catch {
        throw new SqsError('InvalidParameterValue', 'The request body is not valid JSON.');
      }
      return await dispatch(sqs, operation, body);
    } catch (error) {
      if (error instanceof SqsError) return sqsError(error);
      throw error;
    }
  };
