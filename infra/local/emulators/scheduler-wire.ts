import { DateTime, IANAZone } from 'luxon';
import * as z from '../../../shared/zod';
import type { SchedulerEmulator, ScheduleView } from './scheduler';
import { awsError, type WireRequest, type WireResponse } from './serve';

/** A Scheduler API error; the wire layer turns it into the REST-JSON error the SDK maps to its exception. */
export class SchedulerError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'ValidationException' | 'ConflictException' | 'ResourceNotFoundException',
    message: string,
  ) {
    super(message);
  }
}

// The service's own constraint on schedule and group names.
const NAME = /^[0-9a-zA-Z_.-]{1,64}$/;
const AT = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;

export const targetSchema = z.looseObject({
  Arn: z.string().check(z.minLength(1), z.maxLength(1600)),
  RoleArn: z.string().check(z.minLength(1), z.maxLength(1600)),
  Input: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
  EventBridgeParameters: z.optional(
    z.object({
      DetailType: z.string().check(z.minLength(1), z.maxLength(128)),
      Source: z.string().check(z.minLength(1), z.maxLength(256)),
    }),
  ),
  DeadLetterConfig: z.optional(
    z.object({ Arn: z.optional(z.string().check(z.minLength(1), z.maxLength(1600))) }),
  ),
  RetryPolicy: z.optional(
    z.object({
      MaximumRetryAttempts: z.optional(z.number().check(z.int(), z.gte(0), z.lte(185))),
      MaximumEventAgeInSeconds: z.optional(z.number().check(z.int(), z.gte(60), z.lte(86_400))),
    }),
  ),
});

export const scheduleInputSchema = z.object({
  Name: z.string().check(z.regex(NAME)),
  GroupName: z._default(z.string().check(z.regex(NAME)), 'default'),
  ScheduleExpression: z.string().check(z.minLength(1), z.maxLength(256)),
  ScheduleExpressionTimezone: z._default(z.string().check(z.minLength(1), z.maxLength(50)), 'UTC'),
  FlexibleTimeWindow: z.object({
    Mode: z.enum(['OFF', 'FLEXIBLE']),
    MaximumWindowInMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1440))),
  }),
  Target: targetSchema,
  State: z._default(z.enum(['ENABLED', 'DISABLED']), 'ENABLED'),
  ActionAfterCompletion: z._default(z.enum(['NONE', 'DELETE']), 'NONE'),
  Description: z.optional(z.string().check(z.maxLength(512))),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/** The instant an `at()` expression names, read as wall-clock time in `timezone` (as Scheduler does). */
export const dueInstant = (expression: string, timezone: string): Date => {
  const wallClock = AT.exec(expression)?.[1];
  if (wallClock === undefined) {
    throw new SchedulerError(400, 'ValidationException', `Invalid Schedule Expression ${expression}.`);
  }
  if (!IANAZone.isValidZone(timezone)) {
    throw new SchedulerError(400, 'ValidationException', `Invalid ScheduleExpressionTimezone ${timezone}.`);
  }
  const instant = DateTime.fromISO(wallClock, { zone: timezone });
  if (!instant.isValid) {
    throw new SchedulerError(400, 'ValidationException', `Invalid Schedule Expression ${expression}.`);
  }
  return instant.toJSDate();
};

const validationError = (error: z.core.$ZodError): WireResponse => {
  const problems = error.issues.map((issue) => `Value at '${issue.path.join('.')}' ${issue.message}`);
  const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`;
  return awsError(400, 'ValidationException', `${count}: ${problems.join('; ')}`);
};

const parseBody = (body: string): unknown => {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new SchedulerError(400, 'ValidationException', 'The request body is not valid JSON.');
  }
};

/** REST-JSON timestamps are epoch seconds. */
const seconds = (date: Date): number => date.getTime() / 1000;

const describe = (schedule: ScheduleView) => ({
  Arn: schedule.arn,
  Name: schedule.name,
  GroupName: schedule.groupName,
  ScheduleExpression: schedule.expression,
  ScheduleExpressionTimezone: schedule.timezone,
  FlexibleTimeWindow: schedule.flexibleTimeWindow,
  Target: schedule.target,
  State: schedule.state,
  ActionAfterCompletion: schedule.actionAfterCompletion,
  Description: schedule.description,
  CreationDate: seconds(schedule.creationDate),
  LastModificationDate: seconds(schedule.lastModificationDate),
});

const summarise = (schedule: ScheduleView) => ({
  Arn: schedule.arn,
  Name: schedule.name,
  GroupName: schedule.groupName,
  State: schedule.state,
  CreationDate: seconds(schedule.creationDate),
  LastModificationDate: seconds(schedule.lastModificationDate),
  Target: { Arn: schedule.target.Arn },
});

const groupQuery = (request: WireRequest): string => {
  const group = request.query.get('groupName') ?? 'default';
  if (!NAME.test(group)) throw new SchedulerError(400, 'ValidationException', `Invalid groupName ${group}.`);
  return group;
};

const route = (scheduler: SchedulerEmulator, request: WireRequest): WireResponse => {
  const { method, path } = request;
  if (path === '/schedules' && method === 'GET') return listSchedules(scheduler, request.query);
  if (path.startsWith('/schedules/')) {
    const name = path.slice('/schedules/'.length);
    const operation =
      method === 'POST'
        ? 'CreateSchedule'
        : method === 'PUT'
          ? 'UpdateSchedule'
          : method === 'DELETE'
            ? 'DeleteSchedule'
            : undefined;
    if (operation && scheduler.takeFault(operation, name)) {
      return awsError(500, 'InternalServerException', `Injected fault: ${operation} failed.`);
    }
    if (method === 'POST' || method === 'PUT') {
      const body = parseBody(request.body);
      const parsed = scheduleInputSchema.safeParse(typeof body === 'object' ? { ...body, Name: name } : body);
      if (!parsed.success) return validationError(parsed.error);
      const arn =
        method === 'POST' ? scheduler.createSchedule(parsed.data) : scheduler.updateSchedule(parsed.data);
      return { status: 200, body: { ScheduleArn: arn } };
    }
    if (!NAME.test(name)) throw new SchedulerError(400, 'ValidationException', `Invalid Name ${name}.`);
    if (method === 'GET')
      return { status: 200, body: describe(scheduler.getSchedule(name, groupQuery(request))) };
    if (method === 'DELETE') {
      scheduler.deleteSchedule(name, groupQuery(request));
      return { status: 200, body: {} };
    }
  }
  if (path.startsWith('/schedule-groups/') && method === 'POST') {
    const name = path.slice('/schedule-groups/'.length);
    if (!NAME.test(name)) throw new SchedulerError(400, 'ValidationException', `Invalid Name ${name}.`);
    if (scheduler.hasGroup(name)) {
      throw new SchedulerError(409, 'ConflictException', `Schedule group ${name} already exists.`);
    }
    return { status: 200, body: { ScheduleGroupArn: scheduler.createGroup(name) } };
  }
  return awsError(404, 'UnknownOperationException', `No operation for ${method} ${path} in this emulator.`);
};

const listSchedules = (scheduler: SchedulerEmulator, query: URLSearchParams): WireResponse => {
  const group = query.get('ScheduleGroup');
  const prefix = query.get('NamePrefix') ?? '';
  const state = query.get('State');
  const matching = scheduler
    .list()
    .filter((s) => (group === null || s.groupName === group) && s.name.startsWith(prefix))
    .filter((s) => state === null || s.state === state);
  // NextToken is an offset into the (stable, name-ordered) listing.
  const start = Number(query.get('NextToken') ?? '0') || 0;
  const max = Math.min(Number(query.get('MaxResults') ?? '100') || 100, 100);
  const page = matching.slice(start, start + max);
  const next = start + max < matching.length ? String(start + max) : undefined;
  return { status: 200, body: { Schedules: page.map(summarise), NextToken: next } };
};

/** The REST-JSON request handler for `serve()`, mapping routes onto the emulator. */
export const schedulerWire =
  (scheduler: SchedulerEmulator) =>
  async (request: WireRequest): Promise<WireResponse> => {
    try {
      return route(scheduler, request);
    } catch (error) {
      if (error instanceof SchedulerError) return awsError(error.status, error.type, error.message);
      throw error;
    }
  };
