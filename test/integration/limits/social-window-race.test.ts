import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { LocalStack } from '../../../infra/local/stack';
import { recordFigures } from '../../support/figures';
import { apiClient, startTestStack } from '../../support/local-stack';
import { publishedEvent, smallConference } from '../../support/conference-fixtures';

// A hundred threads at once, then a day of them posted, on a loaded two-core machine.
jest.setTimeout(300_000);

const PER_DAY = 300;
const MINUTE = 60_000;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
}, 300_000);
afterAll(async () => stack?.stop());

const xPosts = async () => (await api.call<{ text: string; at: string }[]>('GET', '/local/x/posts')).body;

/** The most tweets any 24 hours holds. */
const fullestDay = (times: readonly number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i]! - sorted[j]! >= 24 * 60 * MINUTE) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe(`X's day limit (${PER_DAY})`, () => {
  it('100 four-tweet threads scheduled at once never put more than the limit into a day', async () => {
    // Arrange: a hundred threads ten minutes apart, all within one day (16.5 hours)
    const base = stack.clock.now().getTime() + 2 * 24 * 60 * MINUTE;
    const times = Array.from({ length: 100 }, (_, i) => new Date(base + i * 10 * MINUTE).toISOString());

    // Act: all at once
    const answers = await Promise.all(
      times.map((publishAt, i) =>
        api.call<{ error?: { code: string } }>('POST', `/events/${eventId}/social-posts`, {
          as: 'comms',
          body: { thread: [1, 2, 3, 4].map((n) => `Race ${i} part ${n}`), publishAt },
        }),
      ),
    );
    const accepted = answers.filter((a) => a.status === 201).length;
    const full = answers.filter((a) => a.status === 409 && a.body.error?.code === 'rate_limit_window_full');

    // Every post goes: a day of them
    await stack.advanceClock(new Date(base + 17 * 60 * MINUTE));
    await stack.settle();
    const posted = (await xPosts()).filter((p) => p.text.startsWith('Race '));
    const inDay = fullestDay(posted.map((p) => new Date(p.at).getTime()));
    recordFigures({
      limitsExceeded: Math.max(0, inDay - PER_DAY),
      serverErrors: answers.filter((a) => a.status >= 500).length,
    });

    // Assert: each answer is an acceptance or the window's 409; the day holds no more than the limit,
    // and it is filled (no room lost to the race): 75 threads of 4
    expect(accepted + full.length).toBe(100);
    expect(accepted * 4).toBeLessThanOrEqual(PER_DAY);
    expect(accepted).toBe(75);
    expect(posted).toHaveLength(accepted * 4);
    expect(inDay).toBeLessThanOrEqual(PER_DAY);
  });

  it('a cancelled post gives its room back', async () => {
    const at = new Date(stack.clock.now().getTime() + 5 * 24 * 60 * MINUTE);
    const thread = Array.from({ length: 25 }, (_, i) => `Room ${i}`);
    const first = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { thread, publishAt: at.toISOString() },
    });
    const second = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { thread, publishAt: new Date(at.getTime() + MINUTE).toISOString() },
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    const one = { text: 'One more', publishAt: new Date(at.getTime() + 2 * MINUTE).toISOString() };
    const refused = await api.call('POST', `/events/${eventId}/social-posts`, { as: 'comms', body: one });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(
      /X allows 50 posts in any 15 minutes; .* has room for 0 more/,
    );
    const cancelled = await api.call('DELETE', `/social-posts/${first.body.postId}`, { as: 'comms' });
    expect(cancelled.status).toBe(200);
    expect(
      (await api.call('POST', `/events/${eventId}/social-posts`, { as: 'comms', body: one })).status,
    ).toBe(201);
  });
});
