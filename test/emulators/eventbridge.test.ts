import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeEventBusCommand,
  EventBridgeClient,
  ListRulesCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { VirtualClock } from '../../infra/local/clock';
import { WorkTracker } from '../../infra/local/work-tracker';
import {
  EventBridgeEmulator,
  type BusEnvelope,
  type DeadLetter,
  type EventBridgeEmulatorOptions,
} from '../../infra/local/emulators/eventbridge';
import type { RunningServer } from '../../infra/local/emulators/serve';

const BUS = 'convene';

const registered = (delegate: string): PutEventsRequestEntry => ({
  EventBusName: BUS,
  Source: 'convene.registrations',
  DetailType: 'Registration Confirmed',
  Detail: JSON.stringify({ delegate, eventId: 'leeds-2030' }),
});

describe('EventBridgeEmulator over the AWS wire protocol', () => {
  let tracker: WorkTracker;
  let clock: VirtualClock;
  let logged: string[];
  let bus: EventBridgeEmulator;
  let server: RunningServer;
  let client: EventBridgeClient;

  const start = async (options: Partial<EventBridgeEmulatorOptions> = {}): Promise<void> => {
    bus = new EventBridgeEmulator({
      clock,
      tracker,
      buses: [BUS],
      retryBaseDelayMs: 20,
      log: (line) => logged.push(line),
      ...options,
    });
    server = await bus.listen();
    client = new EventBridgeClient({
      endpoint: server.url,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  };

  /** A target that records what it receives and fails its first `failures` calls. */
  const recorder = (failures = 0) => {
    const received: BusEnvelope[] = [];
    let calls = 0;
    const target = async (event: BusEnvelope): Promise<void> => {
      calls += 1;
      if (calls <= failures) throw new Error(`mail service down (call ${calls})`);
      received.push(event);
    };
    return { target, received, calls: () => calls };
  };

  beforeEach(async () => {
    tracker = new WorkTracker();
    clock = new VirtualClock();
    clock.advanceTo(Date.parse('2030-05-01T09:00:00.000Z'));
    logged = [];
    await start();
  });

  afterEach(async () => {
    await tracker.idle();
    client.destroy();
    await server.close();
  });

  it('delivers the envelope to a matching rule, stamped from the virtual clock', async () => {
    const confirmations = recorder();
    bus.addRule({
      name: 'send-confirmation',
      eventBusName: BUS,
      pattern: { source: ['convene.registrations'], 'detail-type': ['Registration Confirmed'] },
      target: confirmations.target,
    });

    const result = await client.send(
      new PutEventsCommand({ Entries: [{ ...registered('ada@example.org'), Resources: ['arn:aws:x:1'] }] }),
    );
    await tracker.idle();

    expect(result.FailedEntryCount).toBe(0);
    expect(confirmations.received).toHaveLength(1);
    const [event] = confirmations.received;
    expect(event).toEqual({
      version: '0',
      id: result.Entries?.[0]?.EventId,
      'detail-type': 'Registration Confirmed',
      source: 'convene.registrations',
      account: '000000000000',
      time: expect.stringMatching(/^2030-05-01T09:00:0\dZ$/),
      region: 'eu-west-2',
      resources: ['arn:aws:x:1'],
      detail: { delegate: 'ada@example.org', eventId: 'leeds-2030' },
    });
  });

  it('does not deliver to a rule whose pattern does not match', async () => {
    const reminders = recorder();
    bus.addRule({
      name: 'schedule-reminders',
      eventBusName: BUS,
      pattern: { 'detail-type': ['Event Published'] },
      target: reminders.target,
    });

    await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
    await tracker.idle();

    expect(reminders.received).toEqual([]);
    expect(bus.archive).toHaveLength(1);
  });

  it('takes the event time from an entry Time and the bus from an ARN', async () => {
    const confirmations = recorder();
    bus.addRule({
      name: 'all',
      eventBusName: BUS,
      pattern: { source: [{ prefix: '' }] },
      target: confirmations.target,
    });

    await client.send(
      new PutEventsCommand({
        Entries: [
          {
            ...registered('ada@example.org'),
            EventBusName: `arn:aws:events:eu-west-2:000000000000:event-bus/${BUS}`,
            Time: new Date('2030-04-30T18:30:15Z'),
          },
        ],
      }),
    );
    await tracker.idle();

    expect(confirmations.received.map((e) => e.time)).toEqual(['2030-04-30T18:30:15Z']);
  });

  it('reports failed entries in position and accepts the others', async () => {
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          registered('ada@example.org'),
          { ...registered('bad@example.org'), Detail: '{"delegate": ' },
          { ...registered('lost@example.org'), EventBusName: 'no-such-bus' },
          { ...registered('list@example.org'), Detail: '["not", "an", "object"]' },
          { ...registered('nosource@example.org'), Source: undefined },
          registered('grace@example.org'),
        ],
      }),
    );

    expect(result.FailedEntryCount).toBe(4);
    expect(result.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'MalformedDetail',
      'InvalidArgument',
      'MalformedDetail',
      'InvalidArgument',
      'ok',
    ]);
    expect(result.Entries?.[2]?.ErrorMessage).toBe('Event bus no-such-bus does not exist.');
    expect(result.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records only accepted events in the archive, in order', async () => {
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          registered('ada@example.org'),
          { ...registered('bad@example.org'), Detail: 'not json' },
          registered('grace@example.org'),
        ],
      }),
    );

    expect(bus.archive.map((e) => (e.detail as { delegate: string }).delegate)).toEqual([
      'ada@example.org',
      'grace@example.org',
    ]);
    expect(bus.archive.map((e) => e.id)).toEqual([
      result.Entries?.[0]?.EventId,
      result.Entries?.[2]?.EventId,
    ]);
  });

  it('rejects a request of more than 10 entries with a ValidationException', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => registered(`delegate${i}@example.org`));

    await expect(client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(bus.archive).toEqual([]);
  });

  it('rejects a request whose entries exceed 256 KB in total', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(140 * 1024) });
    const entries = [
      { ...registered('a@example.org'), Detail: big },
      { ...registered('b@example.org'), Detail: big },
    ];

    await expect(client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('retries a target that fails twice and delivers the event once', async () => {
    const flaky = recorder(2);
    bus.addRule({
      name: 'flaky',
      eventBusName: BUS,
      pattern: { source: ['convene.registrations'] },
      target: flaky.target,
    });

    await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
    await tracker.idle();

    expect(flaky.calls()).toBe(3);
    expect(flaky.received).toHaveLength(1);
    expect(bus.deadLetters).toEqual([]);
  });

  it('dead-letters an event after the configured retries of a target that always fails', async () => {
    const reported: DeadLetter[] = [];
    await server.close();
    client.destroy();
    await start({ onDeadLetter: (d) => reported.push(d) });
    const broken = recorder(Number.POSITIVE_INFINITY);
    bus.addRule({
      name: 'broken',
      eventBusName: BUS,
      pattern: { source: ['convene.registrations'] },
      target: broken.target,
      maximumRetryAttempts: 2,
    });

    const result = await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
    await tracker.idle();

    expect(broken.calls()).toBe(3);
    expect(bus.deadLetters).toEqual([
      {
        rule: 'broken',
        event: expect.objectContaining({ id: result.Entries?.[0]?.EventId }),
        error: 'Error: mail service down (call 3)',
        attempts: 3,
      },
    ]);
    expect(reported).toEqual(bus.deadLetters);
    expect(logged).toEqual([expect.stringContaining('rule broken gave up on event')]);
  });

  it('delivers to each matching rule independently of the others', async () => {
    const healthy = recorder();
    const broken = recorder(Number.POSITIVE_INFINITY);
    const pattern = { source: ['convene.registrations'] };
    bus.addRule({
      name: 'broken',
      eventBusName: BUS,
      pattern,
      target: broken.target,
      maximumRetryAttempts: 0,
    });
    bus.addRule({ name: 'healthy', eventBusName: BUS, pattern, target: healthy.target });

    await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
    await tracker.idle();

    expect(healthy.received).toHaveLength(1);
    expect(bus.deadLetters.map((d) => d.rule)).toEqual(['broken']);
  });

  it('keeps tracker.idle() waiting until deliveries and their retries finish', async () => {
    const slow = recorder(2);
    let finished = false;
    bus.addRule({
      name: 'slow',
      eventBusName: BUS,
      pattern: { source: ['convene.registrations'] },
      target: async (event) => {
        await slow.target(event);
        finished = true;
      },
    });

    await bus.putEvents([registered('ada@example.org')]);
    expect(tracker.busy).toBe(true);
    expect(slow.calls()).toBe(0); // PutEvents answers before any target runs
    await tracker.idle();

    expect(finished).toBe(true);
    expect(slow.calls()).toBe(3);
    expect(tracker.busy).toBe(false);
  });

  it('answers DescribeEventBus and ListRules for the buses and rules it knows', async () => {
    bus.addRule({
      name: 'send-confirmation',
      eventBusName: BUS,
      pattern: { source: ['x'] },
      target: recorder().target,
    });

    const described = await client.send(new DescribeEventBusCommand({ Name: BUS }));
    const listed = await client.send(new ListRulesCommand({ EventBusName: BUS }));

    expect(described).toMatchObject({
      Name: BUS,
      Arn: `arn:aws:events:eu-west-2:000000000000:event-bus/${BUS}`,
    });
    expect(listed.Rules?.map((r) => [r.Name, r.EventPattern])).toEqual([
      ['send-confirmation', '{"source":["x"]}'],
    ]);
    await expect(client.send(new DescribeEventBusCommand({ Name: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('answers an operation it does not emulate with UnknownOperationException', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutRule' },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('refuses a rule on an unknown bus or with a pattern AWS would reject', () => {
    const target = recorder().target;

    expect(() =>
      bus.addRule({ name: 'r', eventBusName: 'nope', pattern: { source: ['x'] }, target }),
    ).toThrow('Event bus nope does not exist.');
    expect(() => bus.addRule({ name: 'r', eventBusName: BUS, pattern: { source: [] }, target })).toThrow(
      'Empty arrays are not allowed',
    );
  });

  describe('with PutEvents failures injected', () => {
    const singleAttempt = () =>
      new EventBridgeClient({
        endpoint: server.url,
        region: 'eu-west-2',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      });
    const rule = () => {
      const confirmations = recorder();
      bus.addRule({
        name: 'send-confirmation',
        eventBusName: BUS,
        pattern: { source: ['convene.registrations'] },
        target: confirmations.target,
      });
      return confirmations;
    };

    it('fails a whole call with an error the SDK raises once its retries are spent, and stores nothing', async () => {
      const confirmations = rule();
      const once = singleAttempt();
      bus.faults.set({ count: 1, kind: 'whole' });

      const failed = once.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
      await expect(failed).rejects.toMatchObject({
        name: 'InternalException',
        $metadata: { httpStatusCode: 500 },
      });
      const next = await once.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));
      await tracker.idle();
      once.destroy();

      expect(next.FailedEntryCount).toBe(0);
      expect(bus.archive).toHaveLength(1);
      expect(confirmations.received).toHaveLength(1);
      expect(bus.faults.injected()).toEqual({ whole: 1, partial: 0, failedEntries: 0 });
    });

    it('lets the SDK retry a whole failure as it retries AWS 500s', async () => {
      bus.faults.set({ count: 2, kind: 'whole' });

      const result = await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));

      expect(result.FailedEntryCount).toBe(0);
      expect(bus.archive).toHaveLength(1);
      expect(bus.faults.injected().whole).toBe(2);
    });

    it('answers a partial failure with HTTP 200, FailedEntryCount and per-entry codes, accepting the rest', async () => {
      const confirmations = rule();
      bus.faults.set({ count: 1, kind: 'partial', seed: 7 });
      const entries = ['ada', 'grace', 'alan', 'edsger', 'barbara'].map((n) =>
        registered(`${n}@example.org`),
      );

      const result = await client.send(new PutEventsCommand({ Entries: entries }));
      await tracker.idle();

      const failed = (result.Entries ?? []).filter((e) => e.ErrorCode);
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(result.FailedEntryCount).toBe(failed.length);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: expect.any(String) });
      const accepted = (result.Entries ?? []).filter((e) => e.EventId).map((e) => e.EventId);
      expect(accepted).toHaveLength(entries.length - failed.length);
      expect(bus.archive.map((e) => e.id)).toEqual(accepted);
      expect(confirmations.received.map((e) => e.id).sort()).toEqual([...accepted].sort());
      expect(bus.faults.injected()).toEqual({ whole: 0, partial: 1, failedEntries: failed.length });
    });

    it('fails calls at a seeded rate, whole and partial in turn, the same on every run', async () => {
      const once = singleAttempt();
      const run = async (): Promise<string[]> => {
        bus.faults.set({ rate: 0.2, seed: 42 });
        bus.faults.resetCounts();
        const outcomes: string[] = [];
        for (let i = 0; i < 200; i += 1) {
          const outcome = await once
            .send(new PutEventsCommand({ Entries: [registered(`d${i}@example.org`)] }))
            .then((r) => ((r.FailedEntryCount ?? 0) > 0 ? 'partial' : 'ok'))
            .catch((error: Error) => (error.name === 'InternalException' ? 'whole' : error.name));
          outcomes.push(outcome);
        }
        return outcomes;
      };

      const first = await run();
      const counts = bus.faults.injected();
      const second = await run();
      once.destroy();

      expect(second).toEqual(first);
      expect(first.filter((o) => o === 'whole')).toHaveLength(counts.whole);
      expect(first.filter((o) => o === 'partial')).toHaveLength(counts.partial);
      expect(Math.abs(counts.whole - counts.partial)).toBeLessThanOrEqual(1);
      expect(counts.whole + counts.partial).toBeGreaterThan(20);
      expect(counts.whole + counts.partial).toBeLessThan(60);
      expect(first.every((o) => ['ok', 'whole', 'partial'].includes(o))).toBe(true);
    });

    it("never fails the stack's own in-process puts, and stops failing once cleared", async () => {
      bus.faults.set({ rate: 1 });
      const inProcess = await bus.putEvents([registered('ada@example.org')]);
      bus.faults.clear();
      const overWire = await client.send(new PutEventsCommand({ Entries: [registered('ada@example.org')] }));

      expect(inProcess.FailedEntryCount).toBe(0);
      expect(overWire.FailedEntryCount).toBe(0);
      expect(bus.archive).toHaveLength(2);
    });
  });
});
