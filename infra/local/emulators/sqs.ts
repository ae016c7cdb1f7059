import { createHash, randomUUID } from 'node:crypto';
import type { SQSRecordAttributes } from 'aws-lambda';
import { MINUTE_MS } from '../../../shared/domain/durations';
import type { WorkTracker } from '../work-tracker';
import { serve, type RunningServer } from './serve';
import { EventSourceMapping, type ConsumerOptions } from './sqs-consumer';
import {
  md5Hex,
  md5OfMessageAttributes,
  SqsError,
  systemAttributes,
  toLambdaRecord,
  validateMessage,
  type MessageAttributes,
  type StoredMessage,
} from './sqs-message';
import { sqsWire } from './sqs-wire';

export type { ConsumerOptions } from './sqs-consumer';
export type { MessageAttributes, MessageAttributeValue } from './sqs-message';

export interface QueueOptions {
  visibilityTimeoutMs: number;
  /** A FIFO queue (its name ends in `.fifo`): ordered, one message of a group in flight at a time. */
  fifo?: boolean;
  /** FIFO: a message without a deduplication id is deduplicated by its body's SHA-256. */
  contentBasedDeduplication?: boolean;
  /** Receives after which a message that fails again moves to `deadLetterQueue`; set both or neither. */
  maxReceiveCount?: number;
  /** Name of an already created queue. */
  deadLetterQueue?: string;
}

export interface SendInput {
  body: string;
  delaySeconds?: number;
  /** FIFO queues: required. */
  groupId?: string;
  /** FIFO queues: required unless the queue deduplicates by content. */
  deduplicationId?: string;
  attributes?: MessageAttributes;
  traceHeader?: string;
}

export interface ReceiveOptions {
  maxMessages?: number;
  visibilityTimeoutMs?: number;
  waitTimeMs?: number;
}

/** A message as `peek` shows it: what it holds and where from, without receiving it. */
export interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: string;
  readonly status: StoredMessage['status'];
  /** The queue it was dead-lettered from, for a message in a DLQ. */
  readonly deadLetterSourceArn?: string;
}

export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  messageAttributes: MessageAttributes;
  attributes: SQSRecordAttributes;
}

interface Queue {
  readonly name: string;
  readonly arn: string;
  readonly options: QueueOptions;
  readonly createdAt: number;
  readonly messages: Map<string, StoredMessage>;
  /** Visible messages in the order they became visible. */
  readonly visible: Set<StoredMessage>;
  /** Long-polling receives waiting for a message. */
  readonly waiters: Set<() => void>;
  /** Sends still to refuse with a 503 (a test's injected fault, refuseSends), and how many were. */
  refusing: number;
  refused: number;
  /** FIFO: deduplication ids sent within the interval, with the message each was first sent as. */
  readonly deduplication: Map<string, { messageId: string; sequenceNumber: string; at: number }>;
  /** FIFO: the last sequence number given. */
  sequence: bigint;
  consumer?: EventSourceMapping;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_QUEUE_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;
/** SQS's deduplication interval. */
export const DEDUPLICATION_INTERVAL_MS = 5 * MINUTE_MS;

/**
 * SQS for the local stack: standard and FIFO queues over the SDK's JSON protocol, and Lambda-style event
 * source mappings that poll in-process. Visibility timeouts and delays run on real timers. A message is
 * tracked work while its queue has a consumer: from send until deleted, or dead-lettered to a queue
 * without one. A FIFO queue hands out each message group's messages in the order they were sent, and
 * none of a group while one of it is in flight; a send repeating a deduplication id within five minutes
 * is accepted and not delivered again.
 */
export class SqsEmulator {
  private readonly queues = new Map<string, Queue>();
  private readonly tracker: WorkTracker;
  private readonly region: string;
  private readonly accountId: string;
  private server: RunningServer | undefined;
  private closed = false;

  constructor(options: { tracker: WorkTracker; region?: string; accountId?: string }) {
    this.tracker = options.tracker;
    this.region = options.region ?? 'eu-west-2';
    this.accountId = options.accountId ?? '000000000000';
  }

  /** Starts the wire endpoint. Queue URLs embed its address, so create queues once this has resolved. */
  async listen(port = 0): Promise<RunningServer> {
    if (this.server !== undefined) throw new Error('SqsEmulator is already listening');
    this.server = await serve(sqsWire(this), port);
    return this.server;
  }

  /** Creates a queue and returns its QueueUrl; throws before listen() has resolved. */
  createQueue(name: string, options: QueueOptions): string {
    const url = this.queueUrl(name);
    if (!(options.fifo ? FIFO_QUEUE_NAME : QUEUE_NAME).test(name))
      throw new Error(`Invalid queue name ${name}`);
    if (this.queues.has(name)) throw new Error(`Queue ${name} already exists`);
    if ((options.maxReceiveCount === undefined) !== (options.deadLetterQueue === undefined)) {
      throw new Error(`Queue ${name}: set maxReceiveCount and deadLetterQueue together`);
    }
    if (options.deadLetterQueue !== undefined) {
      const deadLetters = this.queue(options.deadLetterQueue);
      if (Boolean(deadLetters.options.fifo) !== Boolean(options.fifo)) {
        throw new Error(`Queue ${name}: its dead-letter queue must be of the same type (FIFO or standard)`);
      }
    }
    this.queues.set(name, {
      name,
      arn: this.queueArn(name),
      options,
      createdAt: Date.now(),
      messages: new Map(),
      visible: new Set(),
      waiters: new Set(),
      deduplication: new Map(),
      sequence: 0n,
      refusing: 0,
      refused: 0,
    });
    return url;
  }

  queueUrl(name: string): string {
    if (this.server === undefined)
      throw new Error('SqsEmulator: queue URLs exist once listen() has resolved');
    return `${this.server.url}/${this.accountId}/${name}`;
  }

  queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  /** The queue a QueueUrl names (only its path is read, so any host works), or undefined. */
  queueNameOf(queueUrl: string): string | undefined {
    const path = URL.canParse(queueUrl) ? new URL(queueUrl).pathname : queueUrl;
    const [account, name, ...rest] = path.split('/').filter((part) => part !== '');
    if (account !== this.accountId || name === undefined || rest.length > 0) return undefined;
    return this.queues.has(name) ? name : undefined;
  }

  /** An event source mapping: invokes `consumer.handler` with batches of messages as they become visible. */
  subscribe(queueName: string, consumer: ConsumerOptions): void {
    const queue = this.queue(queueName);
    if (queue.consumer !== undefined) throw new Error(`Queue ${queueName} already has a consumer`);
    const source = {
      visibleCount: () => this.available(queue),
      take: (max: number) =>
        this.take(queue, max, queue.options.visibilityTimeoutMs).map((message) =>
          toLambdaRecord(message, { arn: queue.arn, region: this.region, accountId: this.accountId }),
        ),
      deleteMessage: (receiptHandle: string) => this.deleteMessage(queueName, receiptHandle),
    };
    queue.consumer = new EventSourceMapping(source, consumer, this.tracker);
    for (const message of queue.messages.values()) message.endTracking ??= this.tracker.begin();
    queue.consumer.wake();
  }

  /** A fault for tests: the queue's next `times` sends are refused with SQS's 503. */
  refuseSends(queueName: string, times: number): void {
    this.queue(queueName).refusing = times;
  }

  /** How many sends the queue has refused (refuseSends) since it was created. */
  refusedSends(queueName: string): number {
    return this.queue(queueName).refused;
  }

  /** Enables or disables a queue's event source mapping (messages wait while it is disabled). */
  setConsumerEnabled(queueName: string, enabled: boolean): void {
    const consumer = this.queue(queueName).consumer;
    if (consumer === undefined) throw new Error(`Queue ${queueName} has no consumer`);
    consumer.setEnabled(enabled);
  }

  depth(queueName: string): { visible: number; inFlight: number; delayed: number } {
    const counts = { visible: 0, inFlight: 0, delayed: 0 };
    for (const message of this.queue(queueName).messages.values()) counts[message.status] += 1;
    return counts;
  }

  send(
    queueName: string,
    input: SendInput,
  ): { messageId: string; md5OfBody: string; md5OfMessageAttributes?: string; sequenceNumber?: string } {
    const queue = this.queue(queueName);
    if (queue.refusing > 0) {
      queue.refusing -= 1;
      queue.refused += 1;
      throw new SqsError('ServiceUnavailable', 'Injected fault: the queue refuses this send.');
    }
    const attributes = input.attributes ?? {};
    validateMessage(input.body, attributes);
    const delaySeconds = input.delaySeconds ?? 0;
    if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > 900) {
      throw new SqsError('InvalidParameterValue', 'DelaySeconds must be an integer from 0 to 900.');
    }
    const fifo = queue.options.fifo ? this.fifoFields(queue, input) : undefined;
    const md5OfBody = md5Hex(input.body);
    const md5OfAttributes = md5OfMessageAttributes(attributes);
    if (fifo?.duplicateOf) {
      // Accepted, and not delivered again: the answer is the first send's.
      const { messageId, sequenceNumber } = fifo.duplicateOf;
      return { messageId, md5OfBody, md5OfMessageAttributes: md5OfAttributes, sequenceNumber };
    }
    const message: StoredMessage = {
      id: randomUUID(),
      body: input.body,
      md5OfBody,
      messageAttributes: attributes,
      md5OfMessageAttributes: md5OfAttributes,
      sentAt: Date.now(),
      extra: {
        ...(input.traceHeader === undefined ? {} : { AWSTraceHeader: input.traceHeader }),
        ...(fifo ? fifo.extra : {}),
      },
      status: 'delayed',
      receiveCount: 0,
    };
    if (fifo) {
      queue.deduplication.set(fifo.extra.MessageDeduplicationId, {
        messageId: message.id,
        sequenceNumber: fifo.extra.SequenceNumber,
        at: message.sentAt,
      });
    }
    this.enqueue(queue, message, delaySeconds * 1000);
    return {
      messageId: message.id,
      md5OfBody,
      md5OfMessageAttributes: md5OfAttributes,
      ...(fifo ? { sequenceNumber: fifo.extra.SequenceNumber } : {}),
    };
  }

  /** ReceiveMessage: up to `maxMessages` visible messages, waiting up to `waitTimeMs` for the first. */
  async receive(queueName: string, options: ReceiveOptions = {}): Promise<ReceivedMessage[]> {
    const queue = this.queue(queueName);
    const {
      maxMessages = 1,
      visibilityTimeoutMs = queue.options.visibilityTimeoutMs,
      waitTimeMs = 0,
    } = options;
    if (this.available(queue) === 0 && waitTimeMs > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          queue.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitTimeMs);
        queue.waiters.add(done);
      });
    }
    return this.take(queue, maxMessages, visibilityTimeoutMs).map((message) => ({
      messageId: message.id,
      receiptHandle: message.receipt ?? '',
      body: message.body,
      md5OfBody: message.md5OfBody,
      md5OfMessageAttributes: message.md5OfMessageAttributes,
      messageAttributes: message.messageAttributes,
      attributes: systemAttributes(message, this.accountId),
    }));
  }

  /** Only the latest receipt handle deletes; an older one succeeds and does nothing, as in SQS. */
  deleteMessage(queueName: string, receiptHandle: string): void {
    const queue = this.queue(queueName);
    const message = queue.messages.get(this.messageIdOf(receiptHandle));
    if (message !== undefined && message.receipt === receiptHandle) this.remove(queue, message);
  }

  changeVisibility(queueName: string, receiptHandle: string, visibilityTimeoutMs: number): void {
    const queue = this.queue(queueName);
    const message = queue.messages.get(this.messageIdOf(receiptHandle));
    if (message?.status !== 'inFlight' || message.receipt !== receiptHandle) {
      throw new SqsError('MessageNotInflight', 'The message referred to is not in flight.');
    }
    clearTimeout(message.timer);
    message.timer = setTimeout(() => this.expire(queue, message), visibilityTimeoutMs);
  }

  /** Every message of a queue, oldest first, without receiving any (a look at a DLQ, as the console gives). */
  peek(queueName: string): QueuedMessage[] {
    return [...this.queue(queueName).messages.values()]
      .sort((a, b) => a.sentAt - b.sentAt)
      .map((m) => ({
        messageId: m.id,
        body: m.body,
        sentAt: new Date(m.sentAt).toISOString(),
        status: m.status,
        ...(m.extra.DeadLetterQueueSourceArn === undefined
          ? {}
          : { deadLetterSourceArn: m.extra.DeadLetterQueueSourceArn }),
      }));
  }

  /**
   * SQS's DLQ redrive (StartMessageMoveTask): moves every message not in flight from `source` to
   * `destination`, where each comes as sent anew (receive count 0). Returns how many moved.
   */
  moveMessages(source: string, destination: string): number {
    const from = this.queue(source);
    const to = this.queue(destination);
    let moved = 0;
    for (const message of [...from.messages.values()]) {
      if (message.status === 'inFlight') continue;
      const { DeadLetterQueueSourceArn: _source, ...extra } = message.extra;
      const again: StoredMessage = {
        ...message,
        extra,
        status: 'delayed',
        receiveCount: 0,
        firstReceivedAt: undefined,
        receipt: undefined,
        timer: undefined,
        endTracking: undefined,
      };
      // Enqueue before removing, so tracked work never touches zero in between.
      this.enqueue(to, again, 0);
      this.remove(from, message);
      moved += 1;
    }
    return moved;
  }

  purge(queueName: string): void {
    const queue = this.queue(queueName);
    for (const message of [...queue.messages.values()]) this.remove(queue, message);
  }

  /** Queue attributes as GetQueueAttributes returns them (all strings). */
  queueAttributes(queueName: string): Record<string, string> {
    const queue = this.queue(queueName);
    const depth = this.depth(queueName);
    const { maxReceiveCount, deadLetterQueue } = queue.options;
    const created = String(Math.floor(queue.createdAt / 1000));
    return {
      QueueArn: queue.arn,
      ApproximateNumberOfMessages: String(depth.visible),
      ApproximateNumberOfMessagesNotVisible: String(depth.inFlight),
      ApproximateNumberOfMessagesDelayed: String(depth.delayed),
      VisibilityTimeout: String(Math.ceil(queue.options.visibilityTimeoutMs / 1000)),
      CreatedTimestamp: created,
      LastModifiedTimestamp: created,
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      ...(queue.options.fifo
        ? {
            FifoQueue: 'true',
            ContentBasedDeduplication: String(Boolean(queue.options.contentBasedDeduplication)),
          }
        : {}),
      ...(deadLetterQueue === undefined
        ? {}
        : {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: this.queueArn(deadLetterQueue),
              maxReceiveCount,
            }),
          }),
    };
  }

  /** Stops the endpoint and all polling, waits for running handlers, then ends every tracked unit. */
  async close(): Promise<void> {
    this.closed = true;
    await this.server?.close();
    for (const queue of this.queues.values()) for (const wake of [...queue.waiters]) wake();
    await Promise.all([...this.queues.values()].map((queue) => queue.consumer?.close()));
    for (const queue of this.queues.values()) {
      for (const message of queue.messages.values()) {
        clearTimeout(message.timer);
        message.endTracking?.();
        message.endTracking = undefined;
      }
    }
  }

  /** A FIFO send's group, deduplication id and sequence number, or the earlier send it repeats. */
  private fifoFields(queue: Queue, input: SendInput) {
    if (input.groupId === undefined || input.groupId === '') {
      throw new SqsError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
    }
    if ((input.delaySeconds ?? 0) !== 0) {
      throw new SqsError(
        'InvalidParameterValue',
        `Value ${input.delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`,
      );
    }
    const deduplicationId =
      input.deduplicationId ??
      (queue.options.contentBasedDeduplication
        ? createHash('sha256').update(input.body).digest('hex')
        : undefined);
    if (deduplicationId === undefined) {
      throw new SqsError(
        'InvalidParameterValue',
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      );
    }
    const now = Date.now();
    for (const [id, sent] of queue.deduplication) {
      if (now - sent.at < DEDUPLICATION_INTERVAL_MS) break; // oldest first: the rest are younger
      queue.deduplication.delete(id);
    }
    const duplicateOf = queue.deduplication.get(deduplicationId);
    if (duplicateOf) return { duplicateOf };
    queue.sequence += 1n;
    return {
      extra: {
        MessageGroupId: input.groupId,
        MessageDeduplicationId: deduplicationId,
        SequenceNumber: queue.sequence.toString().padStart(20, '0'),
      },
    };
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (queue === undefined) throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.');
    return queue;
  }

  private messageIdOf(receiptHandle: string): string {
    const [id, nonce] = receiptHandle.split('#');
    if (id === undefined || id === '' || nonce === undefined) {
      throw new SqsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${receiptHandle}" is not valid.`,
      );
    }
    return id;
  }

  private enqueue(queue: Queue, message: StoredMessage, delayMs: number): void {
    queue.messages.set(message.id, message);
    if (queue.consumer !== undefined) message.endTracking = this.tracker.begin();
    if (delayMs > 0) {
      message.status = 'delayed';
      message.timer = setTimeout(() => this.makeVisible(queue, message), delayMs);
    } else {
      this.makeVisible(queue, message);
    }
  }

  private makeVisible(queue: Queue, message: StoredMessage): void {
    if (this.closed) return;
    message.status = 'visible';
    message.timer = undefined;
    message.receipt = undefined;
    queue.visible.add(message);
    for (const wake of [...queue.waiters]) wake();
    queue.consumer?.wake();
  }

  /** Receives up to `max` visible messages: each gets a new receipt handle and a visibility timer. */
  private take(queue: Queue, max: number, visibilityMs: number): StoredMessage[] {
    const taken: StoredMessage[] = [];
    if (queue.options.fifo) return this.takeInOrder(queue, max, visibilityMs);
    for (const message of queue.visible) {
      if (taken.length >= max) break;
      taken.push(message);
    }
    return this.receiveAll(queue, taken, visibilityMs);
  }

  /** How many messages a receive could have now: the visible ones, but for a FIFO queue's busy groups. */
  private available(queue: Queue): number {
    if (!queue.options.fifo) return queue.visible.size;
    const busy = this.busyGroups(queue);
    let count = 0;
    for (const message of queue.visible) if (!busy.has(message.extra.MessageGroupId)) count += 1;
    return count;
  }

  private busyGroups(queue: Queue): Set<string | undefined> {
    const busy = new Set<string | undefined>();
    for (const message of queue.messages.values()) {
      if (message.status === 'inFlight') busy.add(message.extra.MessageGroupId);
    }
    return busy;
  }

  /**
   * FIFO: visible messages in the order they were sent, leaving out every group with a message in
   * flight (a message that failed is its group's first again, so it comes before the rest of its group).
   */
  private takeInOrder(queue: Queue, max: number, visibilityMs: number): StoredMessage[] {
    const busy = this.busyGroups(queue);
    const bySequence = [...queue.visible].sort((a, b) =>
      (a.extra.SequenceNumber ?? '').localeCompare(b.extra.SequenceNumber ?? ''),
    );
    const taken = bySequence.filter((m) => !busy.has(m.extra.MessageGroupId)).slice(0, max);
    return this.receiveAll(queue, taken, visibilityMs);
  }

  private receiveAll(queue: Queue, taken: StoredMessage[], visibilityMs: number): StoredMessage[] {
    const now = Date.now();
    for (const message of taken) {
      queue.visible.delete(message);
      message.status = 'inFlight';
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.receipt = `${message.id}#${randomUUID()}`;
      message.timer = setTimeout(() => this.expire(queue, message), visibilityMs);
    }
    return taken;
  }

  /** The visibility timeout ran out with the message undeleted: a failed receive. */
  private expire(queue: Queue, message: StoredMessage): void {
    if (message.status !== 'inFlight') return;
    const { maxReceiveCount, deadLetterQueue } = queue.options;
    if (
      deadLetterQueue === undefined ||
      maxReceiveCount === undefined ||
      message.receiveCount < maxReceiveCount
    ) {
      this.makeVisible(queue, message);
      return;
    }
    const moved: StoredMessage = {
      ...message,
      extra: { ...message.extra, DeadLetterQueueSourceArn: queue.arn },
      receiveCount: 0,
      firstReceivedAt: undefined,
      receipt: undefined,
      timer: undefined,
      endTracking: undefined,
    };
    // Enqueue before removing, so tracked work never touches zero in between.
    this.enqueue(this.queue(deadLetterQueue), moved, 0);
    this.remove(queue, message);
  }

  private remove(queue: Queue, message: StoredMessage): void {
    clearTimeout(message.timer);
    message.timer = undefined;
    message.receipt = undefined;
    queue.visible.delete(message);
    queue.messages.delete(message.id);
    message.endTracking?.();
    message.endTracking = undefined;
  }
}
