import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Which function an outgoing AWS call comes from. On AWS each function runs in its own sandbox with its
 * role's credentials; locally they share one process, so the runtime runs each invocation (and each cold
 * start) inside `runAs(name)`, and every HTTP request made within it is marked with a header the local
 * IAM gateway reads and strips. Node's `http.client.request.created` channel fires before headers are
 * sent, so no client, adapter or handler has to know.
 */
export const CALLER_HEADER = 'x-convene-local-function';

const callers = new AsyncLocalStorage<string>();

export const runAs = <T>(functionName: string, work: () => T): T => callers.run(functionName, work);

const mark = (message: unknown): void => {
  const caller = callers.getStore();
  if (caller) (message as { request: ClientRequest }).request.setHeader(CALLER_HEADER, caller);
};

/** Starts marking outgoing requests; the returned function stops it. */
export const markOutgoingCalls = (): (() => void) => {
  diagnosticsChannel.subscribe('http.client.request.created', mark);
  return () => diagnosticsChannel.unsubscribe('http.client.request.created', mark);
};
