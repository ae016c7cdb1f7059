import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CampaignSendDue } from '../../../events';
import type { LocalStack } from '../../../infra/local/stack';
import { recordFigures } from '../../support/figures';
import { apiClient, startTestStack } from '../../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../../support/conference-fixtures';

// Bus retries with backoff after an injected failure, on a loaded two-core machine.
jest.setTimeout(180_000);

const MINUTE = 60_000;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;
const saved = process.env.REGISTRATION_LIMIT_PER_MINUTE;

beforeAll(async () => {
  process.env.REGISTRATION_LIMIT_PER_MINUTE = '0';
  stack = await startTestStack();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
}, 300_000);
afterEach(() => {
  stack.scheduler.clearFaults();
  stack.iam.restore();
});
afterAll(async () => {
  await stack?.stop();
  if (saved === undefined) delete process.env.REGISTRATION_LIMIT_PER_MINUTE;
  else process.env.REGISTRATION_LIMIT_PER_MINUTE = saved;
});

interface Post {
  postId: string;
  status: string;
  publishAt: string;
}

let spread = 0;
const ahead = (): string =>
  new Date(stack.clock.now().getTime() + (3 + (spread += 1)) * 60 * MINUTE).toISOString();

const posts = async (): Promise<Post[]> =>
  (await api.call<{ posts: Post[] }>('GET', `/events/${eventId}/social-posts`, { as: 'comms' })).body.posts;
const schedules = (prefix: string) => stack.scheduler.list().filter((s) => s.name.startsWith(prefix));

/** Every scheduled post has its schedule, at its time: the invariant a half-write would break. */
const everyScheduledPostHasItsSchedule = async (): Promise<void> => {
  for (const p of (await posts()).filter((x) => x.status === 'scheduled')) {
    const schedule = stack.scheduler.list().find((s) => s.name === `post-${p.postId}`);
    // Scheduler's at() is to the second
    expect({ postId: p.postId, dueAt: schedule?.dueAt.toISOString().slice(0, 19) }).toEqual({
      postId: p.postId,
      dueAt: p.publishAt.slice(0, 19),
    });
  }
};

describe('a post and its schedule', () => {
  it('the Scheduler failing at create: a clear 500 to retry, and no post without its schedule', async () => {
    stack.scheduler.injectFault({ operation: 'CreateSchedule', namePrefix: 'post-' });
    const before = (await posts()).length;
    const answer = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Scheduler down', publishAt: ahead() },
    });
    expect(answer).toMatchObject({ status: 500, body: { error: { code: 'internal_error' } } });
    expect(JSON.stringify(answer.body)).toMatch(/try again/);
    expect(await posts()).toHaveLength(before);
    await everyScheduledPostHasItsSchedule();

    // The retry works once the Scheduler does
    stack.scheduler.clearFaults();
    const retried = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Scheduler down', publishAt: ahead() },
    });
    expect(retried.status).toBe(201);
    await everyScheduledPostHasItsSchedule();
    recordFigures({ faultsInjected: { schedulerCreate: 1 }, faultsRecovered: { schedulerCreate: 1 } });
  });

  it('DynamoDB failing at create: nothing stays, its schedule included', async () => {
    stack.iam.withdraw('createSocialPost', 'dynamodb:PutItem');
    const before = stack.scheduler.list().length;
    const answer = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Table down', publishAt: ahead() },
    });
    expect(answer.status).toBe(500);
    expect(
      (await posts()).some((p) => p.status === 'scheduled' && !schedules(`post-${p.postId}`).length),
    ).toBe(false);
    expect(stack.scheduler.list()).toHaveLength(before);
    await everyScheduledPostHasItsSchedule();
    recordFigures({ faultsInjected: { dynamoWrite: 1 }, faultsRecovered: { dynamoWrite: 1 } });
  });

  it('the Scheduler failing when a post moves: the post stays at its time, with its schedule', async () => {
    const at = ahead();
    const created = await api.call<Post>('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Moving', publishAt: at },
    });
    expect(created.status).toBe(201);
    stack.scheduler.injectFault({ operation: 'UpdateSchedule', namePrefix: `post-${created.body.postId}` });
    const moved = await api.call('PATCH', `/social-posts/${created.body.postId}`, {
      as: 'comms',
      body: { publishAt: ahead() },
    });
    expect(moved.status).toBe(500);
    const after = (await posts()).find((p) => p.postId === created.body.postId);
    expect(after).toMatchObject({ status: 'scheduled', publishAt: new Date(at).toISOString() });
    await everyScheduledPostHasItsSchedule();
    recordFigures({ faultsInjected: { schedulerUpdate: 1 }, faultsRecovered: { schedulerUpdate: 1 } });
  });
});

describe('bounds', () => {
  it('publishAt in year 9999 and a year-9999 event are 400 that name the range, never 500', async () => {
    const far = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Far', publishAt: '9999-12-31T23:59:59Z' },
    });
    expect(far.status).toBe(400);
    expect(JSON.stringify(far.body)).toMatch(/must be between now .* a year after the event ends/);
    const offset = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Far offset', offset: { from: 'end', minutes: 525_600 } },
    });
    expect(offset.status).toBe(201);

    const event = await api.call('POST', '/events', {
      as: 'organisers',
      body: {
        ...smallConference(stack.clock.now()),
        sessions: [],
        startsAt: '9999-12-30T09:00',
        endsAt: '9999-12-31T16:00',
      },
    });
    expect(event.status).toBe(400);
    expect(JSON.stringify(event.body)).toMatch(/Must be between .* \(from a year ago to 5 years ahead\)/);
    await everyScheduledPostHasItsSchedule();
    recordFigures({
      badInputs: { 'POST /events (year 9999)': 1, 'POST /events/{eventId}/social-posts (year 9999)': 1 },
      serverErrors: 0,
    });
  });
});

describe('an event and its schedule sync', () => {
  it('the Scheduler failing while the survey is scheduled: the bus retries and the schedules are made', async () => {
    // Every call fails for the first delivery (the SDK tries four times), then the Scheduler recovers
    stack.scheduler.injectFault({ operation: 'CreateSchedule', namePrefix: 'srv-', times: 5 });
    const body = {
      ...smallConference(stack.clock.now(), { title: 'Survey sync' }),
      survey: {
        daysAfter: 1,
        at: '09:00',
        questions: [{ id: 'overall', kind: 'rating' as const, prompt: 'Overall?' }],
      },
    };
    const withSurvey = await publishedEvent(stack, api, body);
    const deadline = Date.now() + 120_000;
    while (!schedules(`srv-${withSurvey}`).length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      await stack.settle();
    }
    expect(stack.scheduler.faultsTaken.CreateSchedule).toBeGreaterThanOrEqual(5);
    expect(schedules(`srv-${withSurvey}`).length).toBeGreaterThan(0);
    recordFigures({ faultsInjected: { schedulerCreate: 5 }, faultsRecovered: { schedulerCreate: 5 } });
  });
});

describe('a campaign and its start', () => {
  it('the Scheduler failing at create with sendAt: nothing is kept, its quota room included', async () => {
    await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Campaign delegate', email: uniqueEmail('half') },
    });
    await stack.settle();
    const sendAt = new Date(stack.clock.now().getTime() + 4 * 24 * 60 * MINUTE).toISOString();
    const body = { subject: 'Half', text: 'Hi', audience: { status: ['confirmed'] }, sendAt };
    const preview = async () =>
      (
        await api.call<{ sending: { quotaCommitted: number } }>(
          'POST',
          `/events/${eventId}/campaigns/preview`,
          {
            as: 'organisers',
            body,
          },
        )
      ).body.sending.quotaCommitted;
    const committed = await preview();
    stack.scheduler.injectFault({ operation: 'CreateSchedule', namePrefix: 'campaign-' });
    const answer = await api.call('POST', `/events/${eventId}/campaigns`, { as: 'organisers', body });
    expect(answer.status).toBe(500);
    const list = await api.call<{ campaigns: { subject: string }[] }>('GET', `/events/${eventId}/campaigns`, {
      as: 'organisers',
    });
    expect(list.body.campaigns.filter((c) => c.subject === 'Half')).toHaveLength(0);
    expect(await preview()).toBe(committed);

    stack.scheduler.clearFaults();
    expect((await api.call('POST', `/events/${eventId}/campaigns`, { as: 'organisers', body })).status).toBe(
      202,
    );
    recordFigures({ faultsInjected: { schedulerCreate: 1 }, faultsRecovered: { schedulerCreate: 1 } });
  });

  it('DynamoDB failing when a due campaign starts: the sweeper starts it once, and each mail goes once', async () => {
    // Three recipients at least, so "once" is counted per address
    for (const who of ['start-a', 'start-b', 'start-c']) {
      await api.call('POST', `/events/${eventId}/registrations`, {
        body: { name: 'Start delegate', email: uniqueEmail(who) },
      });
    }
    await stack.settle();
    stack.iam.withdraw('startCampaign', 'dynamodb:UpdateItem');
    const deadBefore = stack.bus.deadLetters.length;
    const answer = await api.call<{ campaignId: string; recipients: number }>(
      'POST',
      `/events/${eventId}/campaigns`,
      {
        as: 'organisers',
        body: { subject: 'Start fails', text: 'Hi', audience: { status: ['confirmed'] } },
      },
    );
    expect(answer.status).toBe(202);
    expect(answer.body.recipients).toBeGreaterThanOrEqual(3);
    // The start rule's retries run out while DynamoDB refuses: the start goes to the rule's DLQ.
    await stack.settle();
    stack.iam.restore();
    expect(stack.bus.deadLetters.length).toBeGreaterThan(deadBefore);
    const progress = async () =>
      (
        await api.call<{
          status: string;
          recipients: number;
          sent: number;
          pending: number;
          startedAt: unknown;
        }>('GET', `/campaigns/${answer.body.campaignId}`, { as: 'organisers' })
      ).body;
    expect(await progress()).toMatchObject({ status: 'sending', startedAt: null });
    const mails = async () => (await stack.ses.mail()).filter((m) => m.subject === 'Start fails');
    expect(await mails()).toHaveLength(0);

    // Within its grace the sweeper leaves it (a start may still be under way)...
    const sweep = () => stack.runtime.invoke<{ restarted: number }>('sweepCampaignStarts', {});
    expect((await sweep()).restarted).toBe(0);
    // ...after it, the sweeper twice at once and a late retry of the original start beside them.
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 3 * MINUTE));
    const [first, second] = await Promise.all([
      sweep(),
      sweep(),
      stack.bus.putEvents([
        {
          EventBusName: stack.resources.eventBusName,
          Source: CampaignSendDue.source,
          DetailType: CampaignSendDue.detailType,
          Detail: JSON.stringify({ campaignId: answer.body.campaignId, eventId }),
        },
      ]),
    ]);
    expect(first.restarted + second.restarted).toBeGreaterThanOrEqual(1);
    await stack.settle();

    const sent = await mails();
    const addresses = sent.flatMap((m) => m.destination.to);
    const finished = await progress();
    expect(finished).toMatchObject({ status: 'sent', pending: 0, sent: finished.recipients });
    expect(addresses).toHaveLength(finished.recipients);
    expect(new Set(addresses).size).toBe(addresses.length);
    // Finished: the next sweep finds nothing to start
    expect((await sweep()).restarted).toBe(0);
    recordFigures({
      faultsInjected: { dynamoWrite: 1 },
      faultsRecovered: { dynamoWrite: addresses.length === finished.recipients ? 1 : 0 },
      duplicateSends: addresses.length - new Set(addresses).size,
    });
  });
});
