import { randomUUID } from 'node:crypto';
import type { Wiring } from '../wiring/types';
import type { WorkTracker } from './work-tracker';

export interface ScheduleTriggerOptions {
  readonly wiring: Wiring;
  readonly invoke: (name: string, event: unknown) => Promise<unknown>;
  readonly tracker: WorkTracker;
  readonly region: string;
  readonly accountId: string;
  /** Real-time period of every 'schedule' trigger; each trigger's own rate when absent. */
  readonly everyMs?: number;
  readonly now: () => Date;
  readonly log?: (line: string) => void;
}

/**
 * The wiring's 'schedule' triggers locally: a real-time timer per function, handing it the envelope an
 * EventBridge rate rule sends. A run that is still going when the next is due is not doubled (on AWS two
 * could overlap; the functions must and do bear that). Each run is tracked, so `settle()` waits for it.
 * Returns what stops the timers.
 */
export const startScheduleTriggers = (options: ScheduleTriggerOptions): (() => void) => {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const timers: NodeJS.Timeout[] = [];
  for (const [name, spec] of Object.entries(options.wiring.functions)) {
    const trigger = spec.trigger;
    if (trigger.kind !== 'schedule') continue;
    let running = false;
    const run = (): void => {
      if (running) return;
      running = true;
      const end = options.tracker.begin();
      const event = {
        version: '0',
        id: randomUUID(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: options.accountId,
        time: options
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        region: options.region,
        resources: [`arn:aws:events:${options.region}:${options.accountId}:rule/${name}`],
        detail: {},
      };
      options
        .invoke(name, event)
        .catch((error: unknown) => log(`[schedule] ${name} failed: ${String(error)}`))
        .finally(() => {
          running = false;
          end();
        });
    };
    const timer = setInterval(run, options.everyMs ?? trigger.everyMinutes * 60_000);
    timer.unref();
    timers.push(timer);
  }
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
};
