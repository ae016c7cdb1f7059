import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { seedDemo } from '../../infra/local/seed';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

describe('the demo seed', () => {
  it('schedules posts before, during and after the day, each on its own schedule', async () => {
    const eventId = await seedDemo(stack.url, stack.clock.now());
    const api = apiClient(stack.url);
    const list = await api.call<{ posts: { postId: string; status: string; thread: string[] }[] }>(
      'GET',
      `/events/${eventId}/social-posts`,
      { as: 'comms' },
    );
    expect(list.status).toBe(200);
    const texts = list.body.posts.map((p) => p.thread[0]);
    expect(texts).toEqual([
      expect.stringMatching(/^Places are going fast/),
      expect.stringMatching(/^Doors open/),
      expect.stringMatching(/^Thank you/),
    ]);
    expect(list.body.posts[2]?.thread[1]).toMatch(/survey link/);
    expect(list.body.posts.every((p) => p.status === 'scheduled')).toBe(true);
    const names = stack.scheduler.list().map((s) => s.name);
    for (const p of list.body.posts) expect(names).toContain(`post-${p.postId}`);
  });
});
