import { monitorEventLoopDelay, performance as hooks } from 'node:perf_hooks';
import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';
import { SECOND_MS } from '../../shared/domain/durations';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 5_000);
const CONFIGURED_RATE = Number(process.env.BENCH_RATE ?? 100);
/** Every n-th SES call throttled: 5 % and 10 %. */
const THROTTLE_EVERY = [20, 10] as const;

/** The most sends in any one-second window, and how many windows (one starting at each send) hold more than the rate. */
const windows = (times: readonly number[], rate: number): { most: number; over: number } => {
  let most = 0;
  let over = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[i] as number) - (times[j] as number) >= SECOND_MS) j += 1;
    const inWindow = i - j + 1;
    most = Math.max(most, inWindow);
    if (inWindow > rate) over += 1;
  }
  return { most, over };
};

/**
 * A campaign to `RECIPIENTS` delegates at a configured send rate, once with every 20th SES call throttled
 * and once with every 10th. For each: the rate SES saw (accepted sends from the first to the last, as a
 * share of the configured rate), the most accepted sends in any sliding one-second window as SES saw
 * them and how many windows held more than the rate (must be 0), duplicates and losses (both must be 0).
 */
export const campaignBench = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.SEND_RATE_PER_SECOND = String(CONFIGURED_RATE);
  process.env.SEND_DAILY_QUOTA = String(RECIPIENTS * THROTTLE_EVERY.length + 1_000);
  const stack = await startLocalStack({ port: 0, mailPort: 0, registrationLimitPerMinute: 0 });
  try {
    const auth = {
      authorization: `Bearer ${await signLocalToken(['organisers'])}`,
      'content-type': 'application/json',
    };
    const event = { ...demoConference(stack.clock.now()), capacity: RECIPIENTS, sessions: [] };
    const { eventId } = (await (
      await fetch(`${stack.url}/events`, { method: 'POST', headers: auth, body: JSON.stringify(event) })
    ).json()) as { eventId: string };
    await fetch(`${stack.url}/events/${eventId}/publish`, { method: 'POST', headers: auth });
    await stack.settle();

    // Confirmed registrations written straight to the table: the bench measures the campaign, not registering.
    const { registrationRepository } = await import('../../shared/adapters/dynamo/registration-repository');
    const { newId } = await import('../../shared/domain/ids');
    const at = stack.clock.now().toISOString();
    for (let i = 0; i < RECIPIENTS; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, RECIPIENTS - i) }, (_, j) => {
          const email = `campaign-${i + j}@example.org`;
          return registrationRepository.createPending(
            {
              registrationId: newId('reg'),
              eventId,
              status: 'confirmed',
              delegate: { name: `D ${i + j}`, email, consent: { updates: true } },
              sessions: {},
              sessionOrder: [],
              requestedAt: at,
              decidedAt: at,
              version: 2,
            },
            email,
          );
        }),
      );
    }

    const runs = [];
    for (const every of THROTTLE_EVERY) {
      const subject = `Bench news, every ${every}th call throttled`;
      let calls = 0;
      const accepted: number[] = [];
      stack.ses.setFault(() => {
        calls += 1;
        if (calls % every === 0)
          return {
            status: 429,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
            body: { message: 'Maximum sending rate exceeded.' },
          };
        accepted.push(performance.now());
        return undefined;
      });
      const started = performance.now();
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      loopDelay.enable();
      const loopBefore = hooks.eventLoopUtilization();
      const sendQueue = stack.resources.sendQueueUrl.split('/').at(-1) as string;
      const trace = process.env.BENCH_TRACE
        ? setInterval(() => {
            const t = performance.now();
            console.log(
              Math.round((t - started) / 1000),
              accepted.filter((a) => a > t - 1000).length,
              JSON.stringify(stack.queues.depth(sendQueue)),
            );
          }, 1000)
        : undefined;
      const created = (await (
        await fetch(`${stack.url}/events/${eventId}/campaigns`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            subject,
            text: 'Dear {{name}}, news about {{event.title}}.',
            audience: { status: ['confirmed'] },
          }),
        })
      ).json()) as { campaignId: string };
      await stack.settle();
      clearInterval(trace);
      loopDelay.disable();
      const loopBusy = hooks.eventLoopUtilization(loopBefore).utilization;
      const seconds = (performance.now() - started) / 1000;
      stack.ses.setFault(undefined);
      const progress = (await (
        await fetch(`${stack.url}/campaigns/${created.campaignId}`, { headers: auth })
      ).json()) as Record<string, number>;

      const perAddress = new Map<string, number>();
      for (const m of await stack.ses.mail()) {
        if (m.subject !== subject) continue;
        for (const to of m.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      }
      const sendingSeconds = ((accepted.at(-1) ?? 0) - (accepted[0] ?? 0)) / SECOND_MS;
      const { most, over } = windows(accepted, CONFIGURED_RATE);
      runs.push({
        throttledShare: 1 / every,
        recipients: RECIPIENTS,
        configuredRatePerSecond: CONFIGURED_RATE,
        throttledCalls: Math.floor(calls / every),
        sent: progress.sent,
        duplicates: [...perAddress.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
        lost: RECIPIENTS - perAddress.size,
        mostInAnySecond: most,
        rateWindowsOver: over,
        sendingSeconds: Number(sendingSeconds.toFixed(1)),
        wallSeconds: Number(seconds.toFixed(1)),
        // The local stack is one process: a send's trip to the local SES waits on whatever else it runs.
        eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
        eventLoopDelayMaxMs: Math.round(loopDelay.max / 1e6),
        // The share of the run the local stack's one thread was busy: near 1, every timer and answer waits.
        eventLoopBusyShare: Number(loopBusy.toFixed(2)),
        achievedShareOfConfiguredRate: Number(
          ((accepted.length - 1) / sendingSeconds / CONFIGURED_RATE).toFixed(3),
        ),
      });
    }
    return runs;
  } finally {
    await stack.stop();
  }
};
