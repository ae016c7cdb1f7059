import { afterEach, describe, expect, it } from '@jest/globals';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  DeleteMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { SqsEmulator } from '../../infra/local/emulators/sqs';
import { md5OfMessageAttributes } from '../../infra/local/emulators/sqs-message';
import { WorkTracker } from '../../infra/local/work-tracker';

const emulators: SqsEmulator[] = [];
const started = async () => {
  const tracker = new WorkTracker();
  const sqs = new SqsEmulator({ tracker, region: 'eu-west-2', accountId: '000000000000' });
  emulators.push(sqs);
  const { url } = await sqs.listen();
  const client = new SQSClient({
    endpoint: url,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { sqs, tracker, client };
};

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

/** A consumer that records every batch and fails the records `fail` picks. */
const recorder = (fail: (record: SQSRecord) => boolean = () => false) => {
  const batches: SQSRecord[][] = [];
  const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    batches.push(event.Records);
    return {
      batchItemFailures: event.Records.filter(fail).map((r) => ({ itemIdentifier: r.messageId })),
    };
  };
  return { batches, handler };
};

describe('SQS emulator: delivery to a consumer', () => {
  it('delivers SendMessage and SendMessageBatch messages in batches no larger than batchSize', async () => {
    const { sqs, tracker, client } = await started();
    const url = sqs.createQueue('email-send', { visibilityTimeoutMs: 5_000 });
    const { batches, handler } = recorder();
    sqs.subscribe('email-send', { batchSize: 4, handler });

    const single = await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"n":0}',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'reminder' } },
      }),
    );
    for (const start of [1, 11]) {
      const result = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: Array.from({ length: 10 }, (_, i) => ({
            Id: `m${start + i}`,
            MessageBody: `{"n":${start + i}}`,
          })),
        }),
      );
      expect(result.Successful).toHaveLength(10);
      expect(result.Failed ?? []).toEqual([]);
    }
    await tracker.idle();

    const records = batches.flat();
    expect(records.map((r) => JSON.parse(r.body).n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 21 }, (_, i) => i),
    );
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
    const first = records.find((r) => r.messageId === single.MessageId);
    expect(first).toMatchObject({
      body: '{"n":0}',
      md5OfBody: single.MD5OfMessageBody,
      md5OfMessageAttributes: single.MD5OfMessageAttributes,
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:email-send',
      awsRegion: 'eu-west-2',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: { kind: { dataType: 'String', stringValue: 'reminder' } },
    });
    expect(Number(first?.attributes.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(sqs.depth('email-send')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('redelivers only the failed message of a partial batch, after the visibility timeout', async () => {
    const { sqs, tracker, client } = await started();
    const url = sqs.createQueue('sends', { visibilityTimeoutMs: 300 });
    const seen = new Map<string, number>();
    const delivered: { body: string; count: string; at: number }[] = [];
    sqs.subscribe('sends', {
      batchSize: 10,
      handler: async (event) => {
        const failures = [];
        for (const r of event.Records) {
          delivered.push({ body: r.body, count: r.attributes.ApproximateReceiveCount, at: Date.now() });
          seen.set(r.body, (seen.get(r.body) ?? 0) + 1);
          if (r.body === 'b' && seen.get('b') === 1) failures.push({ itemIdentifier: r.messageId });
        }
        return { batchItemFailures: failures };
      },
    });

    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: ['a', 'b', 'c'].map((body) => ({ Id: body, MessageBody: body })),
      }),
    );
    await tracker.idle();

    expect(delivered.map((d) => [d.body, d.count])).toEqual([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
      ['b', '2'],
    ]);
    const [firstB, secondB] = delivered.filter((d) => d.body === 'b');
    expect((secondB?.at ?? 0) - (firstB?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('treats a thrown error as a failure of the whole batch, and idle() waits for the redelivery', async () => {
    const { sqs, tracker } = await started();
    sqs.createQueue('flaky', { visibilityTimeoutMs: 100 });
    let calls = 0;
    const bodies: string[] = [];
    // Both are waiting before the consumer starts, so they come in one batch however busy the machine is.
    sqs.send('flaky', { body: 'one' });
    sqs.send('flaky', { body: 'two' });
    sqs.subscribe('flaky', {
      batchSize: 10,
      handler: async (event) => {
        calls += 1;
        if (calls === 1) throw new Error('SES throttled');
        bodies.push(...event.Records.map((r) => r.body));
      },
    });

    await tracker.idle();

    expect(calls).toBe(2);
    expect(bodies.sort()).toEqual(['one', 'two']);
    expect(sqs.depth('flaky')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('moves a poison message to the dead-letter queue after maxReceiveCount receives', async () => {
    const { sqs, tracker, client } = await started();
    const dlqUrl = sqs.createQueue('sends-dlq', { visibilityTimeoutMs: 1_000 });
    const url = sqs.createQueue('sends', {
      visibilityTimeoutMs: 50,
      maxReceiveCount: 3,
      deadLetterQueue: 'sends-dlq',
    });
    const { batches, handler } = recorder((r) => r.body === 'poison');
    sqs.subscribe('sends', { batchSize: 5, handler });

    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'fine' }));
    await tracker.idle();

    const attempts = batches.flat().filter((r) => r.body === 'poison');
    expect(attempts.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    const dlqAttributes = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(dlqAttributes.Attributes).toEqual({ ApproximateNumberOfMessages: '1' });
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    expect(received.Messages?.map((m) => m.Body)).toEqual(['poison']);
    expect(received.Messages?.[0]?.Attributes).toMatchObject({
      DeadLetterQueueSourceArn: 'arn:aws:sqs:eu-west-2:000000000000:sends',
    });
    await client.send(
      new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: received.Messages?.[0]?.ReceiptHandle }),
    );
    expect(sqs.depth('sends-dlq')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(sqs.depth('sends')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('redrives a DLQ: its messages go back to the work queue as new, and the consumer gets them', async () => {
    const { sqs, tracker } = await started();
    sqs.createQueue('sends-dlq', { visibilityTimeoutMs: 1_000 });
    sqs.createQueue('sends', { visibilityTimeoutMs: 50, maxReceiveCount: 2, deadLetterQueue: 'sends-dlq' });
    let healthy = false;
    const { batches, handler } = recorder(() => !healthy);
    sqs.subscribe('sends', { batchSize: 5, handler });
    sqs.send('sends', { body: 'held' });
    await tracker.idle();
    const waiting = sqs.peek('sends-dlq');

    healthy = true;
    const moved = sqs.moveMessages('sends-dlq', 'sends');
    await tracker.idle();

    expect(waiting).toEqual([
      expect.objectContaining({
        body: 'held',
        status: 'visible',
        deadLetterSourceArn: 'arn:aws:sqs:eu-west-2:000000000000:sends',
      }),
    ]);
    expect(moved).toBe(1);
    expect(batches.flat().map((r) => [r.body, r.attributes.ApproximateReceiveCount])).toEqual([
      ['held', '1'],
      ['held', '2'],
      ['held', '1'],
    ]);
    expect(batches.flat().at(-1)?.attributes).not.toHaveProperty('DeadLetterQueueSourceArn');
    expect(sqs.peek('sends-dlq')).toEqual([]);
    expect(sqs.depth('sends')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('holds messages while the mapping is disabled, and delivers them once it is enabled again', async () => {
    const { sqs, tracker } = await started();
    sqs.createQueue('held', { visibilityTimeoutMs: 5_000 });
    const { batches, handler } = recorder();
    sqs.subscribe('held', { batchSize: 10, handler });

    sqs.setConsumerEnabled('held', false);
    for (let n = 0; n < 3; n += 1) sqs.send('held', { body: `{"n":${n}}` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toEqual([]);
    expect(sqs.depth('held').visible).toBe(3);

    sqs.setConsumerEnabled('held', true);
    await tracker.idle();
    expect(batches.flat().map((r) => JSON.parse(r.body).n)).toEqual([0, 1, 2]);
  });

  it('collects a partial batch for the batching window', async () => {
    const { sqs, tracker } = await started();
    sqs.createQueue('windowed', { visibilityTimeoutMs: 1_000 });
    const { batches, handler } = recorder();
    sqs.subscribe('windowed', { batchSize: 10, maxBatchingWindowMs: 150, handler });

    sqs.send('windowed', { body: '1' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    sqs.send('windowed', { body: '2' });
    await tracker.idle();

    expect(batches.map((b) => b.map((r) => r.body))).toEqual([['1', '2']]);
  });

  it('holds a delayed message back for DelaySeconds', async () => {
    const { sqs, tracker, client } = await started();
    const url = sqs.createQueue('delayed', { visibilityTimeoutMs: 1_000 });
    const { batches, handler } = recorder();
    sqs.subscribe('delayed', { batchSize: 1, handler });
    const sentAt = Date.now();

    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 1 }));
    const depthWhileDelayed = sqs.depth('delayed');
    await tracker.idle();

    expect(depthWhileDelayed).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    expect(batches.flat().map((r) => r.body)).toEqual(['later']);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(950);
  });
});

describe('SQS emulator over the wire', () => {
  it('rejects a batch of more than 10 entries and duplicate entry ids', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('q', { visibilityTimeoutMs: 1_000 });

    await expect(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' })),
        }),
      ),
    ).rejects.toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
    await expect(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'same', MessageBody: 'x' },
            { Id: 'same', MessageBody: 'y' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
    expect(sqs.depth('q').visible).toBe(0);
  });

  it('reports a failing entry of a batch in Failed and sends the rest', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('q', { visibilityTimeoutMs: 1_000 });

    const result = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', MessageBody: 'fine' },
          { Id: 'bad', MessageBody: 'fine', MessageAttributes: { n: { DataType: 'Number' } } },
        ],
      }),
    );

    expect(result.Successful?.map((e) => e.Id)).toEqual(['ok']);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: 'bad', SenderFault: true })]);
    expect(sqs.depth('q').visible).toBe(1);
  });

  it('answers an unknown queue with QueueDoesNotExist', async () => {
    const { client, sqs } = await started();
    sqs.createQueue('real', { visibilityTimeoutMs: 1_000 });
    const missing = sqs.queueUrl('missing');

    await expect(
      client.send(new SendMessageCommand({ QueueUrl: missing, MessageBody: 'x' })),
    ).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
    await expect(client.send(new GetQueueUrlCommand({ QueueName: 'missing' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
    expect(await client.send(new GetQueueUrlCommand({ QueueName: 'real' }))).toMatchObject({
      QueueUrl: sqs.queueUrl('real'),
    });
  });

  it('rejects a body over 256 KiB', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('q', { visibilityTimeoutMs: 1_000 });

    await expect(
      client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(262_145) })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('round-trips message attributes with SQS digests, and counts in-flight messages', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('q', { visibilityTimeoutMs: 5_000 });
    const binary = new TextEncoder().encode('Hello binary world!');

    const sent = await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'with attributes',
        MessageAttributes: {
          attribName1: { DataType: 'String', StringValue: 'attribValue 1' },
          customNumberTypeAttrib: {
            DataType: 'Number.float',
            StringValue: '4563442423554324324264524243.32543234',
          },
          binaryAttribute: { DataType: 'Binary', BinaryValue: binary },
        },
      }),
    );
    const received = await client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], AttributeNames: ['All'] }),
    );
    const attributes = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );

    // Digests published alongside aws-md5-of-message-attributes, computed by SQS's algorithm.
    expect(sent.MD5OfMessageAttributes).toBe('c932db14a896c663f83c260297d594ff');
    expect(
      md5OfMessageAttributes({ attribName1: { DataType: 'String', StringValue: 'attribValue 1' } }),
    ).toBe('19e27d4e946b072f3f58da80d94fd778');
    const message = received.Messages?.[0];
    expect(message?.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect(message?.MessageAttributes?.['binaryAttribute']?.BinaryValue).toEqual(binary);
    expect(message?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(attributes.Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-west-2:000000000000:q',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '1',
    });
  });
});

describe('SQS emulator: FIFO queues, through the SDK', () => {
  const send = (client: SQSClient, url: string, body: string, group: string, deduplicationId = body) =>
    client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        MessageGroupId: group,
        MessageDeduplicationId: deduplicationId,
      }),
    );
  const receive = async (client: SQSClient, url: string, max: number, visibility?: number) =>
    (
      await client.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: max,
          ...(visibility === undefined ? {} : { VisibilityTimeout: visibility }),
          MessageSystemAttributeNames: ['All'],
        }),
      )
    ).Messages ?? [];

  it('hands out a group in the order sent, and none of it while one of it is in flight', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('allocate.fifo', { visibilityTimeoutMs: 5_000, fifo: true });
    const sent = [];
    for (const [body, group] of [
      ['a1', 'A'],
      ['b1', 'B'],
      ['a2', 'A'],
      ['a3', 'A'],
    ] as const)
      sent.push(await send(client, url, body, group));
    expect(sent.map((s) => s.SequenceNumber)).toEqual([...sent.map((s) => s.SequenceNumber)].sort());

    const first = await receive(client, url, 1);
    expect(first.map((m) => m.Body)).toEqual(['a1']);
    expect(first[0]?.Attributes).toMatchObject({ MessageGroupId: 'A', MessageDeduplicationId: 'a1' });
    // A is busy: only B's message comes, however many are asked for.
    expect((await receive(client, url, 10)).map((m) => m.Body)).toEqual(['b1']);
    expect(await receive(client, url, 10)).toEqual([]);
    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first[0]?.ReceiptHandle }));
    expect((await receive(client, url, 10)).map((m) => m.Body)).toEqual(['a2', 'a3']);
  });

  it('gives a message whose visibility ran out back at the head of its group', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('retry.fifo', { visibilityTimeoutMs: 5_000, fifo: true });
    await send(client, url, 'a1', 'A');
    await send(client, url, 'a2', 'A');
    expect((await receive(client, url, 1, 0)).map((m) => m.Body)).toEqual(['a1']);
    const again = await receive(client, url, 1);
    expect(again.map((m) => m.Body)).toEqual(['a1']);
    expect(again[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('accepts a repeated deduplication id within five minutes and does not deliver it again', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('dedupe.fifo', { visibilityTimeoutMs: 5_000, fifo: true });
    const first = await send(client, url, 'request 1', 'A', 'reg_1');
    const repeat = await send(client, url, 'request 1, again', 'A', 'reg_1');
    expect(repeat.MessageId).toBe(first.MessageId);
    expect((await receive(client, url, 10)).map((m) => m.Body)).toEqual(['request 1']);

    const byContent = sqs.createQueue('content.fifo', {
      visibilityTimeoutMs: 5_000,
      fifo: true,
      contentBasedDeduplication: true,
    });
    for (let i = 0; i < 2; i += 1) {
      await client.send(
        new SendMessageCommand({ QueueUrl: byContent, MessageBody: 'same', MessageGroupId: 'A' }),
      );
    }
    expect(await receive(client, byContent, 10)).toHaveLength(1);
    expect(
      (await client.send(new GetQueueAttributesCommand({ QueueUrl: byContent, AttributeNames: ['All'] })))
        .Attributes,
    ).toMatchObject({ FifoQueue: 'true', ContentBasedDeduplication: 'true' });
  });

  it('refuses a send without a group, without a deduplication id, or with a delay of its own', async () => {
    const { sqs, client } = await started();
    const url = sqs.createQueue('strict.fifo', { visibilityTimeoutMs: 5_000, fifo: true });
    await expect(
      client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'x' })),
    ).rejects.toThrow('The request must contain the parameter MessageGroupId.');
    await expect(
      client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'A' })),
    ).rejects.toThrow(/ContentBasedDeduplication enabled or MessageDeduplicationId provided/);
    await expect(
      client.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x',
          MessageGroupId: 'A',
          MessageDeduplicationId: 'x',
          DelaySeconds: 5,
        }),
      ),
    ).rejects.toThrow(/DelaySeconds is invalid/);
    expect(() => sqs.createQueue('no-suffix', { visibilityTimeoutMs: 1_000, fifo: true })).toThrow(
      'Invalid queue name no-suffix',
    );
  });

  it('never has two batches of one group at a consumer at once, and keeps each group in order', async () => {
    const { sqs, tracker, client } = await started();
    const url = sqs.createQueue('events.fifo', { visibilityTimeoutMs: 5_000, fifo: true });
    const seen: Record<string, string[]> = {};
    const inHand = new Set<string>();
    let overlapped = false;
    sqs.subscribe('events.fifo', {
      batchSize: 3,
      maxConcurrency: 4,
      handler: async (event) => {
        const groups = new Set(event.Records.map((r) => r.attributes.MessageGroupId as string));
        for (const group of groups) {
          if (inHand.has(group)) overlapped = true;
          inHand.add(group);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (const r of event.Records) (seen[r.attributes.MessageGroupId as string] ??= []).push(r.body);
        for (const group of groups) inHand.delete(group);
        return { batchItemFailures: [] };
      },
    });
    for (let i = 0; i < 10; i += 1) {
      await client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: ['A', 'B', 'C'].map((group) => ({
            Id: `${group}${i}`,
            MessageBody: `${group}${i}`,
            MessageGroupId: group,
            MessageDeduplicationId: `${group}${i}`,
          })),
        }),
      );
    }
    await tracker.idle();
    expect(overlapped).toBe(false);
    for (const group of ['A', 'B', 'C'])
      expect(seen[group]).toEqual(Array.from({ length: 10 }, (_, i) => `${group}${i}`));
  });
});
