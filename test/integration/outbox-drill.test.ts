import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resourceNames } from '../../infra/constructs/names';
import type { LocalStack } from '../../infra/local/stack';
import { recordFigures } from '../support/figures';
import { publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

/**
 * The bus drill (README, "Nothing lost between a write and its event"): a fifth of the functions'
 * PutEvents calls fail, whole and partial in turn, and the places queue refuses the first 240 sends, while
 * 300 people register for 200 places. Each is sent once, as a person would; nothing retries but the
 * system itself.
 */
const PEOPLE = 300;
const PLACES = 200;
const FAULT_RATE = 0.2;
const PLACES_QUEUE_REFUSALS = 240;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // The outbox sweeper runs every second here instead of every minute, so the drill takes seconds.
  stack = await startTestStack({ registrationLimitPerMinute: 0, scheduledEveryMs: 1000 });
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

interface Listed {
  registrations: { registrationId: string; status: string; delegate?: { email: string } }[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PutEvents failing during a registration burst', () => {
  it('20% of PutEvents fail while 300 register for 200 places: all final, none lost, one mail each', async () => {
    // Arrange
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: PLACES }),
    );
    const emails = Array.from({ length: PEOPLE }, (_, i) => `drill-${i}@school${i % 41}.example.org`);
    const faults = await fetch(`${stack.url}/local/bus/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rate: FAULT_RATE, kind: 'mixed', seed: 14 }),
    });
    expect(faults.status).toBe(200);
    const placesQueue = resourceNames(stack.resources.stage).queue('places', true);
    stack.queues.refuseSends(placesQueue, PLACES_QUEUE_REFUSALS);

    // Act: everyone at once, each once.
    const responses = await Promise.all(
      emails.map((email, i) =>
        api.call<{ registrationId?: string }>('POST', `/events/${eventId}/registrations`, {
          body: { name: `Delegate ${i}`, email },
        }),
      ),
    );
    const accepted = responses.filter((r) => r.status === 202).length;
    const list = async (): Promise<Listed['registrations']> =>
      (await api.call<Listed>('GET', `/events/${eventId}/registrations`, { as: 'organisers' })).body
        .registrations;
    const mailCount = async (): Promise<number> => (await stack.ses.mail()).length;
    // Until every registration is final and mailed, or 2 minutes pass (the sweeper re-announces every second).
    const deadline = Date.now() + 120_000;
    const allFinal = (listed: Listed['registrations']): boolean =>
      listed.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted').length === PEOPLE;
    // Polled, not settled: the sweeper's timer keeps the stack busy every second.
    while (Date.now() < deadline && !(allFinal(await list()) && (await mailCount()) >= PEOPLE)) {
      await sleep(500);
    }
    const registrations = await list();
    const injected = (await (await fetch(`${stack.url}/local/bus/faults`)).json()) as {
      injected: { whole: number; partial: number; failedEntries: number };
    };
    await fetch(`${stack.url}/local/bus/faults`, { method: 'DELETE' });

    // Assert
    const statuses = registrations.map((r) => r.status);
    const confirmed = statuses.filter((s) => s === 'confirmed').length;
    const waitlisted = statuses.filter((s) => s === 'waitlisted').length;
    const lost = PEOPLE - confirmed - waitlisted;
    const perAddress = new Map<string, number>();
    for (const m of await stack.ses.mail())
      for (const to of m.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const duplicates = [...perAddress.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const unmailed = emails.filter((e) => ![...perAddress.keys()].some((to) => to.includes(e))).length;
    const event = await api.call<{ placesLeft: number }>('GET', `/events/${eventId}`);
    const faultsInjected = injected.injected.whole + injected.injected.partial;
    const refusedSends = stack.queues.refusedSends(placesQueue);
    const recovered = lost === 0 && unmailed === 0 && duplicates === 0;
    recordFigures({
      faultsInjected: { putEvents: faultsInjected, placesQueueSends: refusedSends },
      faultsRecovered: {
        putEvents: recovered ? faultsInjected : 0,
        placesQueueSends: recovered ? refusedSends : 0,
      },
      recordsLost: lost + unmailed,
      duplicateSends: duplicates,
      limitsExceeded: Math.max(0, confirmed - PLACES),
    });
    process.stderr.write(
      `outbox drill: ${faultsInjected} PutEvents faults (${injected.injected.whole} whole, ` +
        `${injected.injected.partial} partial), ${refusedSends} places-queue sends refused, ` +
        `${accepted} of ${PEOPLE} answered 202, ` +
        `${responses.filter((r) => r.status >= 500).length} 5xx, ${confirmed} confirmed, ${waitlisted} waitlisted, ` +
        `${lost} not final, ${unmailed} unmailed, ${duplicates} duplicate mails\n`,
    );

    expect(faultsInjected).toBeGreaterThan(PEOPLE * FAULT_RATE * 0.5);
    expect(injected.injected.partial).toBeGreaterThan(0);
    expect(refusedSends).toBe(PLACES_QUEUE_REFUSALS);
    expect(responses.filter((r) => r.status >= 500)).toHaveLength(0);
    expect(accepted).toBe(PEOPLE);
    expect(registrations).toHaveLength(PEOPLE);
    expect(lost).toBe(0);
    expect(confirmed).toBe(PLACES);
    expect(waitlisted).toBe(PEOPLE - PLACES);
    expect(event.body.placesLeft).toBe(0);
    expect(unmailed).toBe(0);
    expect(duplicates).toBe(0);
  }, 240_000);
});
