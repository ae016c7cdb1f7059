import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { VirtualClock } from '../../infra/local/clock';
import {
  SchedulerEmulator,
  type FiredSchedule,
  type SchedulerEmulatorOptions,
} from '../../infra/local/emulators/scheduler';
import type { RunningServer } from '../../infra/local/emulators/serve';
import { WorkTracker } from '../../infra/local/work-tracker';

const target = {
  Arn: 'arn:aws:events:eu-west-2:000000000000:event-bus/convene',
  RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
  Input: '{"reminderId":"r1"}',
  EventBridgeParameters: { DetailType: 'Reminder Due', Source: 'convene.reminders' },
};

const at = (name: string, expression: string, extra: Partial<CreateScheduleCommandInput> = {}) =>
  new CreateScheduleCommand({
    Name: name,
    ScheduleExpression: expression,
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: target,
    ...extra,
  });

interface Harness {
  scheduler: SchedulerEmulator;
  client: SchedulerClient;
  delivered: FiredSchedule[];
  tracker: WorkTracker;
}

const servers: RunningServer[] = [];
const started = async (overrides: Partial<SchedulerEmulatorOptions> = {}): Promise<Harness> => {
  const delivered: FiredSchedule[] = [];
  const tracker = new WorkTracker();
  const scheduler = new SchedulerEmulator({
    clock: new VirtualClock(),
    tracker,
    retryBaseDelayMs: 1,
    deliver: async (fired) => {
      delivered.push(fired);
    },
    ...overrides,
  });
  const server = await scheduler.listen();
  servers.push(server);
  const client = new SchedulerClient({
    endpoint: server.url,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { scheduler, client, delivered, tracker };
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('Scheduler emulator over the wire', () => {
  it('creates, reads, updates and deletes a schedule', async () => {
    const { client } = await started();

    const { ScheduleArn } = await client.send(
      at('reminder-1', 'at(2027-03-25T09:00:00)', { ActionAfterCompletion: 'DELETE' }),
    );
    const created = await client.send(new GetScheduleCommand({ Name: 'reminder-1' }));
    await client.send(
      new UpdateScheduleCommand({
        Name: 'reminder-1',
        ScheduleExpression: 'at(2027-03-26T10:30:00)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: target,
        State: 'DISABLED',
      }),
    );
    const updated = await client.send(new GetScheduleCommand({ Name: 'reminder-1', GroupName: 'default' }));
    const listed = await client.send(new ListSchedulesCommand({ NamePrefix: 'reminder' }));
    await client.send(new DeleteScheduleCommand({ Name: 'reminder-1' }));

    expect(ScheduleArn).toBe('arn:aws:scheduler:eu-west-2:000000000000:schedule/default/reminder-1');
    expect(created).toMatchObject({
      Arn: ScheduleArn,
      Name: 'reminder-1',
      GroupName: 'default',
      ScheduleExpression: 'at(2027-03-25T09:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      Target: target,
    });
    expect(created.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (created.LastModificationDate?.getTime() ?? 0))).toBeLessThan(60_000);
    expect(updated).toMatchObject({
      ScheduleExpression: 'at(2027-03-26T10:30:00)',
      State: 'DISABLED',
      ActionAfterCompletion: 'NONE',
    });
    expect(listed.Schedules?.map((s) => s.Name)).toEqual(['reminder-1']);
    await expect(client.send(new GetScheduleCommand({ Name: 'reminder-1' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('rejects an invalid name, a recurring expression and an unknown time zone as ValidationException', async () => {
    const { client } = await started();

    await expect(client.send(at('bad name!', 'at(2027-03-25T09:00:00)'))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(client.send(at('x'.repeat(65), 'at(2027-03-25T09:00:00)'))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(client.send(at('recurring', 'rate(5 minutes)'))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      client.send(at('zoned', 'at(2027-03-25T09:00:00)', { ScheduleExpressionTimezone: 'Europe/Atlantis' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('answers a duplicate name with ConflictException and a missing one with ResourceNotFoundException', async () => {
    const { client } = await started();
    await client.send(at('once', 'at(2027-03-25T09:00:00)'));

    await expect(client.send(at('once', 'at(2027-03-25T09:00:00)'))).rejects.toMatchObject({
      name: 'ConflictException',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(client.send(new DeleteScheduleCommand({ Name: 'never' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      client.send(
        new UpdateScheduleCommand({
          Name: 'never',
          ScheduleExpression: 'at(2027-03-25T09:00:00)',
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: target,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      client.send(at('elsewhere', 'at(2027-03-25T09:00:00)', { GroupName: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('reads at() as wall-clock time in the schedule time zone, across the UK clock change', async () => {
    const { client, scheduler } = await started();
    const zone = { ScheduleExpressionTimezone: 'Europe/London' };

    await client.send(at('before-bst', 'at(2027-03-25T09:00:00)', zone));
    await client.send(at('after-bst', 'at(2027-03-31T09:00:00)', zone));

    const due = Object.fromEntries(scheduler.list().map((s) => [s.name, s.dueAt.toISOString()]));
    expect(due).toEqual({
      'before-bst': '2027-03-25T09:00:00.000Z',
      'after-bst': '2027-03-31T08:00:00.000Z',
    });
  });
});

describe('Scheduler emulator firing', () => {
  it('fires only the due schedules, in due order, and DELETE removes them afterwards', async () => {
    const { client, scheduler, delivered } = await started();
    scheduler.createGroup('reminders');
    await client.send(at('third', 'at(2027-01-01T12:00:00)', { GroupName: 'reminders' }));
    await client.send(at('first', 'at(2027-01-01T09:00:00)', { ActionAfterCompletion: 'DELETE' }));
    await client.send(at('second', 'at(2027-01-01T10:00:00)'));
    await client.send(at('later', 'at(2027-06-01T09:00:00)'));
    await client.send(at('off', 'at(2027-01-01T08:00:00)', { State: 'DISABLED' }));

    const fired = await scheduler.fireDue(new Date('2027-01-01T12:00:00Z'));
    const again = await scheduler.fireDue(new Date('2027-01-01T12:00:00Z'));

    expect(fired.map((f) => f.name)).toEqual(['first', 'second', 'third']);
    expect(delivered.map((f) => [f.name, f.groupName, f.dueAt.toISOString()])).toEqual([
      ['first', 'default', '2027-01-01T09:00:00.000Z'],
      ['second', 'default', '2027-01-01T10:00:00.000Z'],
      ['third', 'reminders', '2027-01-01T12:00:00.000Z'],
    ]);
    expect(delivered[0]?.target).toMatchObject(target);
    expect(again).toEqual([]);
    expect(scheduler.nextDueAt()?.toISOString()).toBe('2027-06-01T09:00:00.000Z');
    await expect(client.send(new GetScheduleCommand({ Name: 'first' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(await client.send(new GetScheduleCommand({ Name: 'second' }))).toMatchObject({ State: 'ENABLED' });
  });

  it('fires what the virtual clock has reached when no instant is given', async () => {
    const clock = new VirtualClock();
    const { client, scheduler, delivered } = await started({ clock });
    await client.send(at('soon', 'at(2030-05-01T09:00:00)'));

    const early = await scheduler.fireDue();
    clock.advanceTo(new Date('2030-05-01T09:00:00Z'));
    const onTime = await scheduler.fireDue();

    expect(early).toEqual([]);
    expect(onTime.map((f) => f.name)).toEqual(['soon']);
    expect(delivered).toHaveLength(1);
  });

  it('retries a failing delivery, then dead-letters it', async () => {
    let attempts = 0;
    const deadLettered: string[] = [];
    const { client, scheduler, tracker } = await started({
      maxAttempts: 3,
      deliver: async () => {
        attempts += 1;
        throw new Error('bus unavailable');
      },
      onDeadLetter: (fired, error) => deadLettered.push(`${fired.name}: ${error}`),
    });
    await client.send(at('doomed', 'at(2027-01-01T09:00:00)'));

    await scheduler.fireDue(new Date('2027-01-01T09:00:00Z'));
    await tracker.idle();

    expect(attempts).toBe(3);
    expect(deadLettered).toEqual(['doomed: bus unavailable']);
    expect(scheduler.deadLetters.map((d) => d.fired.name)).toEqual(['doomed']);
  });

  it('delivers on a later attempt without dead-lettering', async () => {
    let attempts = 0;
    const { client, scheduler } = await started({
      deliver: async () => {
        attempts += 1;
        if (attempts < 2) throw new Error('throttled');
      },
    });
    await client.send(at('flaky', 'at(2027-01-01T09:00:00)'));

    await scheduler.fireDue(new Date('2027-01-01T09:00:00Z'));

    expect(attempts).toBe(2);
    expect(scheduler.deadLetters).toEqual([]);
  });

  it('never fires a schedule twice under concurrent fireDue calls and the ticker', async () => {
    const clock = new VirtualClock();
    const counts = new Map<string, number>();
    const { client, scheduler, tracker } = await started({
      clock,
      deliver: async (fired) => {
        counts.set(fired.name, (counts.get(fired.name) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    for (let i = 0; i < 20; i += 1) await client.send(at(`s-${i}`, 'at(2027-01-01T09:00:00)'));
    clock.advanceTo(new Date('2027-01-02T00:00:00Z'));

    scheduler.startTicking(1);
    const results = await Promise.all([scheduler.fireDue(), scheduler.fireDue(), scheduler.fireDue()]);
    await tracker.idle();
    scheduler.stopTicking();

    expect(results.flat()).toHaveLength(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(20);
  });

  it('keeps tracked work open until a firing has been delivered', async () => {
    let release: () => void = () => undefined;
    const { client, scheduler, tracker } = await started({
      deliver: () => new Promise<void>((resolve) => (release = resolve)),
    });
    await client.send(at('slow', 'at(2027-01-01T09:00:00)'));

    const firing = scheduler.fireDue(new Date('2027-01-01T09:00:00Z'));
    await new Promise((resolve) => setImmediate(resolve));
    const busyWhileDelivering = tracker.busy;
    release();
    await firing;

    expect(busyWhileDelivering).toBe(true);
    expect(tracker.busy).toBe(false);
  });
});

describe('Scheduler emulator persistence', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'convene-scheduler-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps schedules, groups and what has fired across a restart', async () => {
    const stateFile = join(dir, 'nested', 'scheduler.json');
    const first = await started({ stateFile });
    first.scheduler.createGroup('posts');
    await first.client.send(at('fired', 'at(2027-01-01T09:00:00)'));
    await first.client.send(at('pending', 'at(2027-02-01T09:00:00)', { GroupName: 'posts' }));
    await first.scheduler.fireDue(new Date('2027-01-15T00:00:00Z'));

    const second = await started({ stateFile });
    const refired = await second.scheduler.fireDue(new Date('2027-03-01T00:00:00Z'));

    expect(second.scheduler.hasGroup('posts')).toBe(true);
    expect(second.scheduler.list().map((s) => [s.groupName, s.name, s.fired])).toEqual([
      ['default', 'fired', true],
      ['posts', 'pending', true],
    ]);
    expect(refired.map((f) => f.name)).toEqual(['pending']);
    expect(
      await second.client.send(new GetScheduleCommand({ Name: 'pending', GroupName: 'posts' })),
    ).toMatchObject({ Target: target, ScheduleExpression: 'at(2027-02-01T09:00:00)' });
  });
});
