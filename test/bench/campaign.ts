import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';

const RECIPIENTS = 10_000;
const CONFIGURED_RATE = 100;

/**
 * 10,000 recipients at a configured send rate with every 10th SES call throttled: the achieved rate as
 * a share of the configured one, and duplicates and losses (both must be zero).
 */
export const campaignBench = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.SEND_RATE_PER_SECOND = String(CONFIGURED_RATE);
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

    let calls = 0;
    stack.ses.setFault(() =>
      (calls += 1) % 10 === 0
        ? {
            status: 429,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
            body: { message: 'Maximum sending rate exceeded.' },
          }
        : undefined,
    );
    const started = performance.now();
    const created = (await (
      await fetch(`${stack.url}/events/${eventId}/campaigns`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          subject: 'Bench news',
          text: 'Dear {{name}}, news about {{event.title}}.',
          audience: { status: ['confirmed'] },
        }),
      })
    ).json()) as { campaignId: string };
    await stack.settle();
    const seconds = (performance.now() - started) / 1000;
    const progress = (await (
      await fetch(`${stack.url}/campaigns/${created.campaignId}`, { headers: auth })
    ).json()) as Record<string, number>;

    const perAddress = new Map<string, number>();
    for (const m of await stack.ses.mail()) {
      if (m.subject !== 'Bench news') continue;
      for (const to of m.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    return {
      recipients: RECIPIENTS,
      configuredRatePerSecond: CONFIGURED_RATE,
      throttledCalls: Math.floor(calls / 10),
      sent: progress.sent,
      duplicates: [...perAddress.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
      lost: RECIPIENTS - perAddress.size,
      seconds: Number(seconds.toFixed(1)),
      achievedShareOfConfiguredRate: Number((RECIPIENTS / seconds / CONFIGURED_RATE).toFixed(3)),
    };
  } finally {
    await stack.stop();
  }
};
