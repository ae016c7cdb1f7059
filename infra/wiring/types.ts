import type { EventContract } from '../../events/contract';
import type { ConsoleRoute } from '../../shared/console/console-route';
import type { RouteAuth } from '../../shared/http/claims';
import type { AuditAction } from '../../shared/domain/audit/audit-record';

export type { RouteAuth };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Trigger =
  | {
      readonly kind: 'http';
      readonly method: HttpMethod;
      readonly path: string;
      readonly auth: RouteAuth;
      /** On a public route: the group whose bearer token, when sent, the function verifies (and so needs the pool). */
      readonly optionalCaller?: Exclude<RouteAuth, 'public'>;
      /** What the route records in the event's audit when it succeeds (shared/use-cases/audit). */
      readonly audit?: AuditAction;
    }
  | {
      /**
       * A console area: several page routes answered by one function (one integration and one permission
       * on AWS, where a function per page would outgrow the stack's 500 resources). Each route names who
       * may use it; the function's router (shared/console/console-handler.ts) enforces the same table.
       */
      readonly kind: 'pages';
      readonly routes: readonly PageRoute[];
    }
  | {
      readonly kind: 'event';
      /** The rule's pattern is built from these contracts, so no detail-type string is typed twice. */
      readonly events: readonly EventContract[];
      /** Extra `detail` filter, in EventBridge pattern syntax. */
      readonly detail?: Record<string, unknown>;
    }
  | {
      readonly kind: 'queue';
      readonly queue: QueueName;
      readonly batchSize: number;
      readonly maxBatchingWindowSeconds?: number;
      readonly maxConcurrency?: number;
    }
  | {
      /** Runs on a timer: an EventBridge rate rule on AWS, a timer in the local stack (infra/local/schedule-triggers.ts). */
      readonly kind: 'schedule';
      readonly everyMinutes: number;
    }
  | {
      /**
       * Every request no route matches: the HTTP API's `$default` route on AWS, the local server's
       * fallback. One function in the wiring at most; public, and it reads nothing.
       */
      readonly kind: 'unmatched';
      /** Anyone may reach an address that is not there: its function checks the route's audience as any does. */
      readonly auth: 'public';
    };

/** One page route of a console area, with who may use it (signed in through the console's session cookie). */
export type PageRoute = ConsoleRoute;

/** Every HTTP route a function answers, whichever kind of trigger declares it. */
export const httpRoutesOf = (
  trigger: Trigger,
): readonly {
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: RouteAuth;
  readonly optionalCaller?: Exclude<RouteAuth, 'public'>;
}[] => {
  if (trigger.kind === 'http') return [trigger];
  if (trigger.kind === 'pages') return trigger.routes;
  return [];
};

/** Whether API Gateway sends the function requests: a route of its own, a console area's, or what none matches. */
export const answersHttp = (trigger: Trigger): boolean =>
  httpRoutesOf(trigger).length > 0 || trigger.kind === 'unmatched';

/** The one function that answers what no route matches (`$default`), if the wiring has one; never two. */
export const unmatchedFunctionOf = (
  wiring: Pick<Wiring, 'functions'>,
): { readonly name: string; readonly trigger: Extract<Trigger, { kind: 'unmatched' }> } | undefined => {
  const found = Object.entries(wiring.functions).flatMap(([name, { trigger }]) =>
    trigger.kind === 'unmatched' ? [{ name, trigger }] : [],
  );
  if (found.length > 1) {
    throw new Error(
      `Wiring: one function at most answers what no route matches, not ${found.map((f) => f.name).join(' and ')}`,
    );
  }
  return found[0];
};

/** The work queues: mail to send, and each event's place decisions in the order they were asked for. */
export type QueueName = 'send' | 'places';

/**
 * What a function may touch. Each grant sets the environment variables its adapter reads and the IAM
 * permissions it needs, in one place (infra/constructs/grants.ts; infra/local/environment.ts).
 */
export interface Access {
  readonly table?: 'read' | 'readWrite';
  readonly bus?: 'put';
  readonly scheduler?: 'manage';
  readonly sendQueue?: 'send';
  /** Asks for an event's place decisions (allocation, cancellation, session change, filling freed places). */
  readonly placesQueue?: 'send';
  readonly ses?: 'send';
  readonly xCredentials?: 'read';
  /** The key that signs delegates' links (manage, unsubscribe, survey). */
  readonly tokens?: 'sign';
  /** The account's send rate and daily quota, to plan campaigns against (configuration, no IAM). */
  readonly sendingLimits?: 'read';
  /** Renders pages: the templates in its bundle and the hashed assets' names (configuration, no IAM). */
  readonly pages?: 'render';
  /** Names the sender without sending (a calendar entry to download): the from-address only, no IAM. */
  readonly sender?: 'read';
  /** Lists, invites and removes a team's members in the Cognito user pool (shared/adapters/team-members.ts). */
  readonly teamMembers?: 'manage';
  /** How long an event's personal data and its needs are kept after it ends (configuration, no IAM). */
  readonly retention?: 'read';
}

export interface FunctionSpec {
  /** Folder under functions/ holding handler.ts. */
  readonly entry: string;
  readonly description: string;
  readonly trigger: Trigger;
  readonly access: Access;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /**
   * The local stack runs at most this many invocations at once (callers wait their turn). For functions
   * whose work contends on one item (seat counters), where more parallel transactions only make more
   * conflicts. On AWS the bound is reserved concurrency, a deployment setting (`convene:reservedConcurrency`),
   * off by default because a new account's concurrency quota may not allow it.
   */
  readonly localConcurrency?: number;
}

export interface QueueSpec {
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message goes to the queue's DLQ. */
  readonly maxReceiveCount: number;
  /**
   * A FIFO queue: each message names a group (an event), and a group's messages reach the consumer one at
   * a time in the order they were sent. Its name ends `.fifo`, as SQS requires.
   */
  readonly fifo?: boolean;
}

export interface Wiring {
  readonly functions: Readonly<Record<string, FunctionSpec>>;
  readonly queues: Readonly<Record<QueueName, QueueSpec>>;
  /** How many times the bus retries a rule target before the event goes to the rule's DLQ. */
  readonly busRetryAttempts: number;
  /** How long the bus keeps retrying an event, in seconds. */
  readonly busMaximumEventAgeSeconds: number;
}
