import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from '../../../shared/zod';
import type { VirtualClock } from '../clock';
import type { WorkTracker } from '../work-tracker';
import {
  dueInstant,
  scheduleInputSchema,
  SchedulerError,
  schedulerWire,
  type ScheduleInput,
} from './scheduler-wire';
import { serve, type RunningServer } from './serve';

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  EventBridgeParameters?: { DetailType: string; Source: string };
  DeadLetterConfig?: { Arn?: string };
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
}

export interface FiredSchedule {
  name: string;
  groupName: string;
  dueAt: Date;
  target: ScheduleTarget;
}

export interface SchedulerEmulatorOptions {
  clock: VirtualClock;
  tracker: WorkTracker;
  deliver: (fired: FiredSchedule) => Promise<void>;
  region?: string;
  accountId?: string;
  /** Delivery attempts before dead-lettering (default 3); a target's RetryPolicy can only lower it. */
  maxAttempts?: number;
  /** First retry delay in real milliseconds, doubling per attempt (default 50). */
  retryBaseDelayMs?: number;
  onDeadLetter?: (fired: FiredSchedule, error: string) => void;
  /** JSON file holding schedules and groups across restarts of the local stack. */
  stateFile?: string;
}

export interface ScheduleView {
  readonly arn: string;
  readonly name: string;
  readonly groupName: string;
  readonly expression: string;
  readonly timezone: string;
  readonly dueAt: Date;
  readonly state: 'ENABLED' | 'DISABLED';
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
  readonly flexibleTimeWindow: ScheduleInput['FlexibleTimeWindow'];
  readonly target: ScheduleTarget;
  readonly description?: string;
  readonly creationDate: Date;
  readonly lastModificationDate: Date;
  /** True once it has fired; a fired schedule kept by ActionAfterCompletion NONE never fires again. */
  readonly fired: boolean;
}

const storedSchema = z.extend(scheduleInputSchema, {
  DueAtMs: z.number(),
  CreatedMs: z.number(),
  ModifiedMs: z.number(),
  Fired: z.boolean(),
});
type Stored = z.infer<typeof storedSchema>;
const stateSchema = z.object({ groups: z.array(z.string()), schedules: z.array(storedSchema) });

const keyOf = (groupName: string, name: string): string => `${groupName}/${name}`;

/**
 * EventBridge Scheduler for the local stack: one-time `at()` schedules over the SDK's REST-JSON protocol,
 * fired on the virtual clock (by `fireDue` or the ticker) into `deliver`, at most once each.
 */
/** A failure to answer with, for tests of what a caller leaves behind when the Scheduler fails. */
export interface SchedulerFault {
  readonly operation: 'CreateSchedule' | 'UpdateSchedule' | 'DeleteSchedule';
  /** Only schedules whose name starts so; every schedule when absent. */
  readonly namePrefix?: string;
  /** How many calls fail (the SDK retries a 500 up to three times); until cleared when absent. */
  readonly times?: number;
}

export class SchedulerEmulator {
  private faults: { fault: SchedulerFault; left: number }[] = [];
  /** Calls answered with an injected fault, by operation. */
  readonly faultsTaken: Record<string, number> = {};
  private readonly schedules = new Map<string, Stored>();
  private readonly groups = new Set<string>(['default']);
  private readonly deadLetterList: { fired: FiredSchedule; error: string }[] = [];
  private readonly region: string;
  private readonly accountId: string;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly options: SchedulerEmulatorOptions) {
    this.region = options.region ?? 'eu-west-2';
    this.accountId = options.accountId ?? '000000000000';
    if (options.stateFile !== undefined && existsSync(options.stateFile)) this.load(options.stateFile);
  }

  /** Makes matching calls fail with InternalServerException (500), as the service does when it fails. */
  injectFault(fault: SchedulerFault): void {
    this.faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Whether this call is to fail, counting it against its fault. */
  takeFault(operation: SchedulerFault['operation'], name: string): boolean {
    const found = this.faults.find(
      (f) => f.left > 0 && f.fault.operation === operation && name.startsWith(f.fault.namePrefix ?? ''),
    );
    if (!found) return false;
    found.left -= 1;
    this.faultsTaken[operation] = (this.faultsTaken[operation] ?? 0) + 1;
    return true;
  }

  get deadLetters(): readonly { fired: FiredSchedule; error: string }[] {
    return this.deadLetterList;
  }

  listen(port = 0): Promise<RunningServer> {
    return serve(schedulerWire(this), port);
  }

  /** Creates a schedule group if it does not exist yet; returns its ARN. */
  createGroup(name: string): string {
    if (!this.groups.has(name)) {
      this.groups.add(name);
      this.persist();
    }
    return `arn:aws:scheduler:${this.region}:${this.accountId}:schedule-group/${name}`;
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name);
  }

  createSchedule(input: ScheduleInput): string {
    this.requireGroup(input.GroupName);
    if (this.schedules.has(keyOf(input.GroupName, input.Name))) {
      throw new SchedulerError(409, 'ConflictException', `Schedule ${input.Name} already exists.`);
    }
    return this.store(input, undefined);
  }

  /** Replaces the whole definition, as UpdateSchedule does; a new time makes it due again. */
  updateSchedule(input: ScheduleInput): string {
    this.requireGroup(input.GroupName);
    return this.store(input, this.find(input.Name, input.GroupName));
  }

  getSchedule(name: string, groupName = 'default'): ScheduleView {
    return this.view(this.find(name, groupName));
  }

  deleteSchedule(name: string, groupName = 'default'): void {
    this.find(name, groupName);
    this.schedules.delete(keyOf(groupName, name));
    this.persist();
  }

  list(): readonly ScheduleView[] {
    return [...this.schedules.values()]
      .sort((a, b) => a.GroupName.localeCompare(b.GroupName) || a.Name.localeCompare(b.Name))
      .map((s) => this.view(s));
  }

  /** The earliest instant an enabled, unfired schedule is due. */
  nextDueAt(): Date | undefined {
    let earliest: number | undefined;
    for (const s of this.schedules.values()) {
      const pending = s.State === 'ENABLED' && !s.Fired;
      if (pending && (earliest === undefined || s.DueAtMs < earliest)) earliest = s.DueAtMs;
    }
    return earliest === undefined ? undefined : new Date(earliest);
  }

  /**
   * Fires every enabled schedule due at or before `upTo`, oldest first, awaiting each delivery (with
   * retries). Each is marked fired before any await, so concurrent calls never fire one twice.
   */
  async fireDue(upTo: Date = this.options.clock.now()): Promise<FiredSchedule[]> {
    const due = [...this.schedules.values()]
      .filter((s) => s.State === 'ENABLED' && !s.Fired && s.DueAtMs <= upTo.getTime())
      .sort((a, b) => a.DueAtMs - b.DueAtMs || a.CreatedMs - b.CreatedMs);
    if (due.length === 0) return [];
    for (const s of due) s.Fired = true;
    try {
      this.persist();
    } catch (error) {
      for (const s of due) s.Fired = false;
      throw error;
    }
    const firings = due.map((s) => ({ stored: s, end: this.options.tracker.begin() }));
    const failures: unknown[] = [];
    for (const { stored, end } of firings) {
      try {
        await this.deliverWithRetries(this.firedOf(stored));
        this.complete(stored);
      } catch (error) {
        failures.push(error);
      } finally {
        end();
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'Scheduler emulator: firing failed');
    return firings.map(({ stored }) => this.firedOf(stored));
  }

  /** Fires due schedules in the background, so real time passing fires them as well as clock jumps. */
  startTicking(intervalMs = 1000): void {
    if (this.ticker !== undefined) return;
    this.ticker = setInterval(() => {
      this.fireDue().catch((error: unknown) => console.error('Scheduler emulator tick failed', error));
    }, intervalMs);
    this.ticker.unref();
  }

  stopTicking(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private async deliverWithRetries(fired: FiredSchedule): Promise<void> {
    const configured = this.options.maxAttempts ?? 3;
    const retries = fired.target.RetryPolicy?.MaximumRetryAttempts;
    const attempts = Math.max(1, retries === undefined ? configured : Math.min(configured, retries + 1));
    const baseDelay = this.options.retryBaseDelayMs ?? 50;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        await this.options.deliver(fired);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts) await sleep(baseDelay * 2 ** (attempt - 1));
    }
    this.deadLetterList.push({ fired, error: lastError });
    this.options.onDeadLetter?.(fired, lastError);
  }

  /** ActionAfterCompletion DELETE applies once the firing is over, delivered or dead-lettered. */
  private complete(stored: Stored): void {
    const key = keyOf(stored.GroupName, stored.Name);
    // An update during delivery stored a new object: that is a new schedule, so leave it alone.
    if (stored.ActionAfterCompletion !== 'DELETE' || this.schedules.get(key) !== stored) return;
    this.schedules.delete(key);
    this.persist();
  }

  private store(input: ScheduleInput, previous: Stored | undefined): string {
    const dueAt = dueInstant(input.ScheduleExpression, input.ScheduleExpressionTimezone);
    const now = this.options.clock.nowMs();
    const stored: Stored = {
      ...input,
      DueAtMs: dueAt.getTime(),
      CreatedMs: previous?.CreatedMs ?? now,
      ModifiedMs: now,
      Fired: false,
    };
    this.schedules.set(keyOf(input.GroupName, input.Name), stored);
    this.persist();
    return this.arnOf(stored);
  }

  private find(name: string, groupName: string): Stored {
    const stored = this.schedules.get(keyOf(groupName, name));
    if (stored === undefined) {
      throw new SchedulerError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
    }
    return stored;
  }

  private requireGroup(groupName: string): void {
    if (!this.groups.has(groupName)) {
      throw new SchedulerError(
        404,
        'ResourceNotFoundException',
        `Schedule group ${groupName} does not exist.`,
      );
    }
  }

  private arnOf(s: Stored): string {
    return `arn:aws:scheduler:${this.region}:${this.accountId}:schedule/${s.GroupName}/${s.Name}`;
  }

  private firedOf(s: Stored): FiredSchedule {
    return { name: s.Name, groupName: s.GroupName, dueAt: new Date(s.DueAtMs), target: s.Target };
  }

  private view(s: Stored): ScheduleView {
    return {
      arn: this.arnOf(s),
      name: s.Name,
      groupName: s.GroupName,
      expression: s.ScheduleExpression,
      timezone: s.ScheduleExpressionTimezone,
      dueAt: new Date(s.DueAtMs),
      state: s.State,
      actionAfterCompletion: s.ActionAfterCompletion,
      flexibleTimeWindow: s.FlexibleTimeWindow,
      target: s.Target,
      description: s.Description,
      creationDate: new Date(s.CreatedMs),
      lastModificationDate: new Date(s.ModifiedMs),
      fired: s.Fired,
    };
  }

  private load(file: string): void {
    const state = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const group of state.groups) this.groups.add(group);
    for (const s of state.schedules) {
      this.schedules.set(keyOf(s.GroupName, s.Name), s);
    }
  }

  /** Written whole to a temporary file then renamed, so a crash never leaves half a state file. */
  private persist(): void {
    const file = this.options.stateFile;
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ groups: [...this.groups], schedules: [...this.schedules.values()] }, null, 2),
    );
    renameSync(`${file}.tmp`, file);
  }
}
