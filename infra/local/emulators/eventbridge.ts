/**
 * A loopback EventBridge: named buses, rules with event patterns and in-process targets, PutEvents with AWS's
 * per-entry results, asynchronous retried delivery with dead letters, and an archive of accepted events.
 *
 * Buses are explicit, as in the CDK app: "default" always exists, others come from `buses` or `createBus`.
 * One deliberate difference from AWS: an entry for an unknown bus fails (InvalidArgument) instead of being
 * accepted and dropped, so a mistyped bus name shows up locally.
 */
import { randomUUID } from 'node:crypto';
import type {
  PutEventsRequestEntry,
  PutEventsResponse,
  PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import type { VirtualClock } from '../clock';
import type { WorkTracker } from '../work-tracker';
import { matchesPattern, validatePattern, type EventPattern } from './event-pattern';
import { deliver } from './eventbridge-delivery';
import { archivedCopy } from '../../../shared/domain/gdpr/archive-policy';
import {
  partialFailure,
  PutEventsFaults,
  WHOLE_FAILURE,
  type PutEventsFaultSettings,
} from './eventbridge-faults';
import { AwsServiceError, eventBridgeWireHandler, type WireBus, type WireRule } from './eventbridge-wire';
import { serve, type RunningServer } from './serve';

export interface BusEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface BusRuleTarget {
  (event: BusEnvelope): Promise<void>;
}

export interface BusRule {
  name: string;
  eventBusName: string;
  pattern: EventPattern;
  target: BusRuleTarget;
  /** Retries after the first attempt; AWS allows 0-185. */
  maximumRetryAttempts?: number;
}

export interface DeadLetter {
  rule: string;
  event: BusEnvelope;
  error: string;
  attempts: number;
}

export interface EventBridgeEmulatorOptions {
  clock: VirtualClock;
  tracker: WorkTracker;
  region?: string;
  accountId?: string;
  /** Buses besides "default". */
  buses?: readonly string[];
  /** First retry waits this long, doubling each time (default 50 ms). */
  retryBaseDelayMs?: number;
  /** Cap on one retry wait (default 1000 ms). */
  retryMaxDelayMs?: number;
  /** For rules that set none (default 3; AWS's 185 over 24 hours is no use on a laptop). */
  defaultMaximumRetryAttempts?: number;
  onDeadLetter?: (d: DeadLetter) => void;
  /** Where dead letters are reported, one line each (default stderr). */
  log?: (line: string) => void;
  /** PutEvents failures to inject into calls over the wire from the start (see `faults`). */
  faults?: PutEventsFaultSettings;
}

const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;

const utf8Bytes = (text: string | undefined): number => (text ? Buffer.byteLength(text, 'utf8') : 0);

/** AWS's PutEvents entry size: Time counts 14 bytes, then the UTF-8 sizes of the string fields. */
const entrySize = (entry: PutEventsRequestEntry): number =>
  (entry.Time ? 14 : 0) +
  utf8Bytes(entry.Source) +
  utf8Bytes(entry.DetailType) +
  utf8Bytes(entry.Detail) +
  (entry.Resources ?? []).reduce((sum, r) => sum + utf8Bytes(r), 0);

/** AWS event times carry whole seconds: 2017-12-22T18:43:48Z. */
const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const failure = (ErrorCode: string, ErrorMessage: string): PutEventsResultEntry => ({
  ErrorCode,
  ErrorMessage,
});

const parseDetail = (detail: string): unknown => {
  try {
    return JSON.parse(detail);
  } catch {
    return undefined;
  }
};

export class EventBridgeEmulator {
  readonly region: string;
  readonly accountId: string;
  private readonly buses = new Set<string>(['default']);
  private readonly rules: BusRule[] = [];
  private readonly accepted: BusEnvelope[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly log: (line: string) => void;
  /** Failures injected into PutEvents calls over the wire (the functions'), whole or partial. */
  readonly faults = new PutEventsFaults();

  constructor(private readonly options: EventBridgeEmulatorOptions) {
    this.region = options.region ?? 'eu-west-2';
    this.accountId = options.accountId ?? '000000000000';
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    for (const bus of options.buses ?? []) this.createBus(bus);
    if (options.faults) this.faults.set(options.faults);
  }

  /** Every accepted event, in order: the AWS archive plus catch-all log rule. */
  get archive(): readonly BusEnvelope[] {
    return this.accepted;
  }

  get deadLetters(): readonly DeadLetter[] {
    return this.dead;
  }

  /** Idempotent, so the local stack can declare a bus from the wiring more than once. */
  createBus(name: string): void {
    if (!/^[\w.\-/]{1,256}$/.test(name)) throw new Error(`Invalid event bus name: ${name}`);
    this.buses.add(name);
  }

  busArn(name: string): string {
    return `arn:aws:events:${this.region}:${this.accountId}:event-bus/${name}`;
  }

  /** Like PutRule + PutTargets: fails for an unknown bus, a duplicate name or a pattern AWS would reject. */
  addRule(rule: BusRule): void {
    if (!this.buses.has(rule.eventBusName)) throw new Error(`Event bus ${rule.eventBusName} does not exist.`);
    if (this.rules.some((r) => r.name === rule.name && r.eventBusName === rule.eventBusName)) {
      throw new Error(`Rule ${rule.name} already exists on event bus ${rule.eventBusName}.`);
    }
    const problems = validatePattern(rule.pattern);
    if (problems.length > 0)
      throw new Error(`Invalid event pattern for rule ${rule.name}: ${problems.join('; ')}`);
    const retries = rule.maximumRetryAttempts;
    if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= 185)) {
      throw new Error(`maximumRetryAttempts must be an integer from 0 to 185, got ${retries}`);
    }
    this.rules.push(rule);
  }

  /**
   * PutEvents with the wire operation's semantics; request-level errors throw AwsServiceError. With
   * `injectFaults` (calls over the wire), a valid call may fail whole or in part as `faults` decides.
   */
  async putEvents(entries: PutEventsRequestEntry[], injectFaults = false): Promise<PutEventsResponse> {
    if (entries.length < 1 || entries.length > MAX_ENTRIES) {
      throw new AwsServiceError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: ` +
          `Member must have length between 1 and ${MAX_ENTRIES}, got ${entries.length}`,
      );
    }
    if (entries.reduce((sum, e) => sum + entrySize(e), 0) > MAX_REQUEST_BYTES) {
      throw new AwsServiceError(
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      );
    }
    const fault = injectFaults ? this.faults.next(entries) : undefined;
    if (fault?.kind === 'whole') {
      throw new AwsServiceError(WHOLE_FAILURE.type, WHOLE_FAILURE.message, WHOLE_FAILURE.status);
    }
    const results = entries.map((entry, i) =>
      fault?.failed.has(i) ? { ...partialFailure } : this.accept(entry),
    );
    return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results };
  }

  async listen(port = 0): Promise<RunningServer> {
    return serve(
      eventBridgeWireHandler({
        putEvents: (entries) => this.putEvents(entries, true),
        describeEventBus: (nameOrArn) => this.describeEventBus(nameOrArn),
        listRules: (bus, prefix) => this.listRules(bus, prefix),
      }),
      port,
    );
  }

  describeEventBus(nameOrArn = 'default'): WireBus {
    const name = this.busName(nameOrArn);
    if (name === undefined)
      throw new AwsServiceError('ResourceNotFoundException', `Event bus ${nameOrArn} does not exist.`);
    return { Name: name, Arn: this.busArn(name) };
  }

  listRules(eventBusNameOrArn = 'default', namePrefix = ''): WireRule[] {
    const bus = this.describeEventBus(eventBusNameOrArn).Name;
    return this.rules
      .filter((r) => r.eventBusName === bus && r.name.startsWith(namePrefix))
      .map((r) => ({
        Name: r.name,
        Arn: `arn:aws:events:${this.region}:${this.accountId}:rule/${bus === 'default' ? '' : `${bus}/`}${r.name}`,
        EventPattern: JSON.stringify(r.pattern),
        State: 'ENABLED',
        EventBusName: bus,
      }));
  }

  /** A bus name from a name or an ARN of this account and region; undefined when no such bus. */
  private busName(nameOrArn: string): string | undefined {
    const prefix = `arn:aws:events:${this.region}:${this.accountId}:event-bus/`;
    const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(prefix.length) : nameOrArn;
    if (nameOrArn.startsWith('arn:') && !nameOrArn.startsWith(prefix)) return undefined;
    return this.buses.has(name) ? name : undefined;
  }

  private accept(entry: PutEventsRequestEntry): PutEventsResultEntry {
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (!entry[field]) {
        return failure(
          'InvalidArgument',
          `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
        );
      }
    }
    const detail = parseDetail(entry.Detail ?? '');
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return failure('MalformedDetail', 'Detail is malformed.');
    }
    const busName = this.busName(entry.EventBusName || 'default');
    if (busName === undefined) {
      return failure('InvalidArgument', `Event bus ${entry.EventBusName} does not exist.`);
    }
    if (entry.Time && Number.isNaN(entry.Time.getTime())) {
      return failure('InvalidArgument', 'Parameter Time is not valid.');
    }
    const event: BusEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType ?? '',
      source: entry.Source ?? '',
      account: this.accountId,
      time: isoSeconds(entry.Time ?? this.options.clock.now()),
      region: this.region,
      resources: [...(entry.Resources ?? [])],
      detail,
    };
    // The archive keeps no address (shared/domain/gdpr/archive-policy.ts); rules get the event whole.
    this.accepted.push(archivedCopy(event));
    this.route(busName, event);
    return { EventId: event.id };
  }

  private route(busName: string, event: BusEnvelope): void {
    for (const rule of this.rules) {
      if (rule.eventBusName !== busName || !matchesPattern(rule.pattern, { ...event })) continue;
      deliver(event, rule.target, {
        tracker: this.options.tracker,
        maximumRetryAttempts: rule.maximumRetryAttempts ?? this.options.defaultMaximumRetryAttempts ?? 3,
        retryBaseDelayMs: this.options.retryBaseDelayMs ?? 50,
        retryMaxDelayMs: this.options.retryMaxDelayMs ?? 1000,
        onGiveUp: (dead, error, attempts) =>
          this.deadLetter({ rule: rule.name, event: dead, error, attempts }),
        log: this.log,
      });
    }
  }

  private deadLetter(letter: DeadLetter): void {
    this.dead.push(letter);
    this.log(
      `[eventbridge] rule ${letter.rule} gave up on event ${letter.event.id} (${letter.event['detail-type']}) ` +
        `after ${letter.attempts} attempts: ${letter.error}`,
    );
    try {
      this.options.onDeadLetter?.(letter);
    } catch (error) {
      this.log(`[eventbridge] onDeadLetter threw for rule ${letter.rule}: ${String(error)}`);
    }
  }
}
