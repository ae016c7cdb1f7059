import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { recordFigures } from '../support/figures';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // The default a deployment gets: 20 a minute per client address, a burst of 20.
  stack = await startTestStack({ registrationLimitPerMinute: 20 });
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

/** A registration posted from a loopback address of its own (all of 127/8 is this machine): one client each. */
const registerFrom = (
  client: string,
  eventId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> =>
  new Promise((resolve, reject) => {
    const payload = headers['content-type']?.includes('json')
      ? JSON.stringify(body)
      : new URLSearchParams(body as Record<string, string>).toString();
    const req = request(
      `${stack.url}/events/${eventId}/registrations`,
      { method: 'POST', localAddress: client, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

const namesOf = async (eventId: string): Promise<string[]> =>
  (
    await api.call<{ registrations: { name: string }[] }>('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
    })
  ).body.registrations.map((r) => r.name);

describe('the per-client limit on public writes', () => {
  it('lets a business manager register a dozen colleagues one after another', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push(
        (await registerFrom('127.0.0.2', eventId, { name: `Colleague ${i}`, email: uniqueEmail('c') }))
          .status,
      );
    }
    expect(statuses).toEqual(Array.from({ length: 12 }, () => 202));
  }, 240_000);

  it('refuses the 21st in a minute from one client with 429, Retry-After and API.md’s shape, storing nothing', async () => {
    // Arrange
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 100 }));

    // Act: 21 at once from one client, then an organiser's walk-in from the same address.
    const answers = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        registerFrom('127.0.0.3', eventId, { name: `Flood ${i}`, email: uniqueEmail('flood') }),
      ),
    );
    const walkIn = await api.call('POST', `/events/${eventId}/registrations`, {
      as: 'organisers',
      body: { name: 'Walk In', email: uniqueEmail('walk-in') },
    });
    await stack.settle();

    // Assert
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(20);
    expect(refused).toHaveLength(1);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused[0]!.body)).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/Try again in \d+ seconds/),
        details: [],
      },
    });
    expect(walkIn.status).toBe(202);
    const names = await namesOf(eventId);
    const flood = names.filter((n) => n.startsWith('Flood'));
    expect(flood).toHaveLength(20);
    expect(names).toContain('Walk In');
    recordFigures({ limitsExceeded: flood.length > 20 ? 1 : 0, writesAfterRefusal: flood.length - 20 });
  }, 240_000);
});
