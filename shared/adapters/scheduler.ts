import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { DetailOf, EventContract } from '../../events/contract';
import { EnvNames, requireEnv } from '../config/env';

const groupName = requireEnv(EnvNames.scheduleGroupName);
const roleArn = requireEnv(EnvNames.schedulerRoleArn);
const targetArn = requireEnv(EnvNames.scheduleTargetArn);
const deadLetterArn = requireEnv(EnvNames.scheduleDlqArn);
const client = new SchedulerClient({ maxAttempts: 4 });

/** Schedule names: [0-9a-zA-Z-_.]{1,64}, built from ids only, never personal data. */
export const SCHEDULE_NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC, as Scheduler's one-time expressions are written. */
const atExpression = (instant: Date): string => `at(${instant.toISOString().slice(0, 19)})`;

/**
 * Creates or moves a one-time schedule that puts `contract`'s event on Convene's bus at `at`, then
 * deletes itself (ActionAfterCompletion DELETE); a delivery that keeps failing goes to the DLQ.
 */
export const upsertSchedule = async <C extends EventContract>(
  name: string,
  at: Date,
  contract: C,
  detail: DetailOf<C>,
): Promise<void> => {
  if (!SCHEDULE_NAME.test(name)) throw new Error(`Not a valid schedule name: ${name}`);
  const input: CreateScheduleCommandInput = {
    Name: name,
    GroupName: groupName,
    ScheduleExpression: atExpression(at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: targetArn,
      RoleArn: roleArn,
      Input: JSON.stringify(contract.schema.parse(detail)),
      EventBridgeParameters: { Source: contract.source, DetailType: contract.detailType },
      DeadLetterConfig: { Arn: deadLetterArn },
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
    },
  };
  try {
    await client.send(new CreateScheduleCommand(input));
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
    await client.send(new UpdateScheduleCommand(input));
  }
};

/** Deletes a schedule; one already gone (fired, or deleted before) is fine. */
export const deleteSchedule = async (name: string): Promise<void> => {
  try {
    await client.send(new DeleteScheduleCommand({ Name: name, GroupName: groupName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
};
