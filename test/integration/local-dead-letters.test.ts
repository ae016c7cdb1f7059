import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resourceNames } from '../../infra/constructs/names';
import type { LocalStack } from '../../infra/local/stack';
import { wiring } from '../../infra/wiring';
import type { Wiring } from '../../infra/wiring/types';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

/**
 * Each dead-letter queue Convene has on AWS, as GET /local/dead-letters names it: the bus rules' targets
 * (one DLQ for every rule), the scheduler's, and each work queue's (the send queue's among them).
 */
const everyDeadLetterQueue = ['bus', 'scheduler', ...Object.keys(wiring.queues)];
const queueSpecs: Wiring['queues'] = wiring.queues;

describe('GET /local/dead-letters', () => {
  it("shows every DLQ, the send queue's included, each with what reached it", async () => {
    // Arrange: one dead letter in each, by the way each gets one.
    const names = resourceNames(stack.resources.stage);
    stack.bus.addRule({
      name: 'always-fails',
      eventBusName: stack.resources.eventBusName,
      pattern: { source: ['test.dead-letters'] },
      maximumRetryAttempts: 0,
      target: async () => {
        throw new Error('the target is down');
      },
    });
    await stack.bus.putEvents([
      {
        EventBusName: stack.resources.eventBusName,
        Source: 'test.dead-letters',
        DetailType: 'Probe',
        Detail: '{}',
      },
    ]);
    const due = new Date(stack.clock.now().getTime() + 60_000);
    stack.scheduler.createSchedule({
      Name: 'nowhere',
      GroupName: stack.resources.scheduleGroupName,
      ScheduleExpression: `at(${due.toISOString().slice(0, 19)})`,
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:sqs:eu-west-2:000000000000:not-the-bus',
        RoleArn: stack.resources.schedulerRoleArn,
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
      State: 'ENABLED',
      ActionAfterCompletion: 'NONE',
    });
    for (const [queue, spec] of Object.entries(queueSpecs))
      stack.queues.send(names.queueDlq(queue, spec.fifo), {
        body: `{"probe":"${queue}"}`,
        ...(spec.fifo ? { groupId: 'probe', deduplicationId: `probe-${queue}` } : {}),
      });
    await stack.advanceClock(new Date(due.getTime() + 1000));

    // Act
    const answer = await api.call<Record<string, unknown[]>>('GET', '/local/dead-letters');

    // Assert
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([...everyDeadLetterQueue].sort());
    for (const queue of everyDeadLetterQueue)
      expect({ queue, letters: answer.body[queue]?.length }).toEqual({ queue, letters: 1 });
    expect(JSON.stringify(answer.body.send)).toContain('"probe\\":\\"send\\"');
  });
});
