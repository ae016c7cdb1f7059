import { describe, expect, it } from '@jest/globals';
import { localRoutes, type LocalControls } from '../../infra/local/local-routes';
import type { SesRefusal } from '../../infra/local/ses-local';

/** Controls that only remember what the routes asked of them. */
const fakeControls = () => {
  const calls = { redriven: [] as string[], refusal: undefined as SesRefusal | undefined, resets: 0 };
  const controls: LocalControls = {
    now: () => new Date('2027-01-01T00:00:00Z'),
    advanceClock: async (to) => to,
    settle: async () => undefined,
    mail: async () => [],
    events: () => [],
    deadLetters: () => ({ send: [] }),
    redrive: (queue) => {
      calls.redriven.push(queue);
      return queue === 'send' ? 2 : undefined;
    },
    refuseSes: (refusal) => {
      calls.refusal = refusal && { message: 'as AWS words it', ...refusal };
      return calls.refusal;
    },
    sesRefusal: () => calls.refusal,
    schedules: () => [],
    xPosts: () => [],
    reset: async () => {
      calls.resets += 1;
    },
  };
  return { calls, route: localRoutes(controls) };
};

const at = (path: string) => new URL(`http://127.0.0.1${path}`);

describe('local routes for held mail', () => {
  it('redrives the DLQ of a work queue by name, and says how many moved', async () => {
    const { calls, route } = fakeControls();

    const answer = await route('POST', at('/local/dead-letters/redrive'), '{"queue":"send"}');

    expect(answer).toEqual({ status: 200, body: { queue: 'send', moved: 2 } });
    expect(calls.redriven).toEqual(['send']);
  });

  it('answers 400 for a queue it does not know or a body without one', async () => {
    const { route } = fakeControls();

    expect(await route('POST', at('/local/dead-letters/redrive'), '{"queue":"nope"}')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: 'No work queue nope.' } },
    });
    expect(await route('POST', at('/local/dead-letters/redrive'), '{}')).toMatchObject({ status: 400 });
  });

  it('makes SES refuse with an AWS code until DELETE, and shows the refusal in force', async () => {
    const { calls, route } = fakeControls();

    const set = await route('POST', at('/local/ses/faults'), '{"code":"AccessDeniedException"}');
    const shown = await route('GET', at('/local/ses/faults'), '');
    const cleared = await route('DELETE', at('/local/ses/faults'), '');

    expect(set).toEqual({
      status: 200,
      body: { refusing: { code: 'AccessDeniedException', message: 'as AWS words it' } },
    });
    expect(shown).toEqual(set);
    expect(cleared).toEqual({ status: 200, body: { refusing: null } });
    expect(calls.refusal).toBeUndefined();
  });

  it('refuses to set a code SES does not answer with', async () => {
    const { calls, route } = fakeControls();

    const answer = await route('POST', at('/local/ses/faults'), '{"code":"Teapot"}');

    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(calls.refusal).toBeUndefined();
  });
});
