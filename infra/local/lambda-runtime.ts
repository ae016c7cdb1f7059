import path from 'node:path';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '../wiring/types';
import { runAs } from './iam/caller';
import { functionEnvironment } from './environment';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export class FunctionTimeoutError extends Error {
  constructor(name: string, seconds: number) {
    super(`Task timed out after ${seconds} seconds (${name})`);
    this.name = 'FunctionTimeoutError';
  }
}

/**
 * Invocations of one function running at once in this process, unless the wiring reserves fewer. Lambda
 * gives each invocation its own sandbox and CPU; here they share one event loop on a small machine, and
 * 500 handlers started together each take longer than their timeout though none would on AWS. Callers
 * beyond the limit wait their turn, and a function's timeout starts when its invocation does.
 */
export const LOCAL_SANDBOXES = 16;

/**
 * Runs a cold start with the function's own variables (its route's audience), then takes them away again:
 * every function shares this process's environment, and no other function may read them.
 */
const withVariables = async <T>(variables: Record<string, string>, work: () => Promise<T>): Promise<T> => {
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

/** Lambda's reserved concurrency: callers beyond the limit wait their turn (as throttled async invokes are retried). */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Runs the functions of the wiring in this process, each as Lambda would call it: the module is loaded
 * once (its cold start, where missing configuration fails), then `handler(event, context)` per invoke,
 * bounded by the function's timeout.
 */
export class LambdaRuntime {
  private readonly handlers = new Map<string, Handler>();
  private readonly gates = new Map<string, Gate>();

  constructor(
    private readonly root: string,
    private readonly functions: Readonly<Record<string, FunctionSpec>>,
  ) {}

  async loadAll(): Promise<void> {
    for (const name of Object.keys(this.functions)) await this.load(name);
  }

  private async load(name: string): Promise<Handler> {
    const existing = this.handlers.get(name);
    if (existing) return existing;
    const spec = this.spec(name);
    // The cold start's own calls (a secret read at module load) are made as this function, too.
    const module = (await withVariables(functionEnvironment(spec), () =>
      runAs(name, () => import(path.join(this.root, 'functions', spec.entry, 'handler.ts'))),
    )) as {
      handler?: Handler;
    };
    if (typeof module.handler !== 'function')
      throw new Error(`functions/${spec.entry}/handler.ts exports no handler`);
    this.handlers.set(name, module.handler);
    return module.handler;
  }

  private spec(name: string): FunctionSpec {
    const spec = this.functions[name];
    if (!spec) throw new Error(`No function ${name} in the wiring`);
    return spec;
  }

  async invoke<T = unknown>(name: string, event: unknown): Promise<T> {
    const spec = this.spec(name);
    let gate = this.gates.get(name);
    if (!gate) this.gates.set(name, (gate = new Gate(spec.localConcurrency ?? LOCAL_SANDBOXES)));
    return gate.run(() => this.invokeNow<T>(name, event));
  }

  private async invokeNow<T>(name: string, event: unknown): Promise<T> {
    const handler = await this.load(name);
    const spec = this.spec(name);
    const timeoutSeconds = spec.timeoutSeconds ?? 10;
    const deadline = Date.now() + timeoutSeconds * 1000;
    const requestId = crypto.randomUUID();
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: `convene-local-${name}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:convene-local-${name}`,
      memoryLimitInMB: String(spec.memoryMb ?? 512),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/convene-local-${name}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(name, timeoutSeconds)), timeoutSeconds * 1000);
    });
    try {
      // Every AWS call the handler makes is checked against this function's own role (iam/caller.ts).
      return (await Promise.race([runAs(name, () => handler(event, context)), timeout])) as T;
    } finally {
      clearTimeout(timer);
    }
  }
}
