import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

// Starting a stack loads every function; on a busy machine that can take over the default minute.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

interface Accepted {
  campaignId: string;
  recipients: number;
  excluded: { unsubscribed: number; suppressed: number; noConsent: number };
  status: string;
  error: { code: string };
}
interface Listed {
  campaigns: {
    campaignId: string;
    status: string;
    subject: string;
    purpose: string;
    recipients: number;
    sent: number;
  }[];
}

const unique = (label: string) => `${label}-${(counter += 1)}-${Date.now()}`;
const emailFor = (label: string) => `${unique(label)}@school.example.org`;

const register = async (eventId: string, email: string, updates = false): Promise<void> => {
  const accepted = await api.call('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email, consent: { updates } },
  });
  expect(accepted.status).toBe(202);
  await stack.settle();
};

const campaign = (overrides: Record<string, unknown> = {}) => ({
  subject: unique('News'),
  text: 'Dear {{name}},\n\nNews about {{event.title}}.',
  audience: { status: ['confirmed'] },
  ...overrides,
});

const create = (eventId: string, body: Record<string, unknown>, key?: string) =>
  api.call<Accepted>('POST', `/events/${eventId}/campaigns`, {
    body,
    as: 'organisers',
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const list = async (eventId: string) =>
  (await api.call<Listed>('GET', `/events/${eventId}/campaigns`, { as: 'organisers' })).body;
const mailWith = async (subject: string) => (await stack.ses.mail()).filter((m) => m.subject === subject);
/** Who got the mail with this subject, among these addresses. */
const receivedBy = async (subject: string, addresses: readonly string[]) => {
  const got: string[] = [];
  for (const a of addresses) if ((await stack.ses.mail(a)).some((m) => m.subject === subject)) got.push(a);
  return got;
};

const eventWith = async (delegates: number): Promise<string> => {
  const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  for (let i = 0; i < delegates; i += 1) await register(eventId, emailFor('delegate'));
  return eventId;
};

describe('listing campaigns', () => {
  it("lists an event's campaigns newest first, with purpose, status and counts", async () => {
    const eventId = await eventWith(2);
    const first = await create(eventId, campaign());
    await stack.settle();
    const second = await create(
      eventId,
      campaign({ sendAt: new Date(stack.clock.now().getTime() + 86_400_000).toISOString() }),
    );
    expect([first.status, second.status]).toEqual([202, 202]);

    const listed = await list(eventId);

    expect(listed.campaigns.map((c) => c.campaignId)).toEqual([
      second.body.campaignId,
      first.body.campaignId,
    ]);
    expect(listed.campaigns[0]).toMatchObject({
      status: 'scheduled',
      purpose: 'event',
      recipients: 2,
      sent: 0,
    });
    expect(listed.campaigns[1]).toMatchObject({ status: 'sent', purpose: 'event', recipients: 2, sent: 2 });
  });

  it('answers 404 for an unknown event and 401 without a token', async () => {
    expect((await api.call('GET', '/events/evt_unknown/campaigns', { as: 'organisers' })).status).toBe(404);
    const eventId = await eventWith(0);
    expect((await api.call('GET', `/events/${eventId}/campaigns`)).status).toBe(401);
  });
});

describe('creating a campaign twice', () => {
  it('a repeated POST with the same Idempotency-Key answers the same campaign and sends once', async () => {
    const eventId = await eventWith(2);
    const body = campaign();
    const key = unique('key');

    const first = await create(eventId, body, key);
    await stack.settle();
    const again = await create(eventId, body, key);
    await stack.settle();

    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, body: first.body });
    expect(await mailWith(body.subject)).toHaveLength(2);
    expect((await list(eventId)).campaigns).toHaveLength(1);
  });

  it('the same key with a different campaign is refused (409 idempotency_key_reused)', async () => {
    const eventId = await eventWith(1);
    const key = unique('key');
    expect((await create(eventId, campaign(), key)).status).toBe(202);

    const other = await create(eventId, campaign(), key);

    expect(other).toMatchObject({ status: 409, body: { error: { code: 'idempotency_key_reused' } } });
  });

  it('refuses the same subject and text to the same audience within ten minutes without a key', async () => {
    const eventId = await eventWith(1);
    const body = campaign();
    expect((await create(eventId, body)).status).toBe(202);
    await stack.settle();

    const duplicate = await create(eventId, body);
    const otherAudience = await create(eventId, {
      ...body,
      audience: { status: ['confirmed', 'waitlisted'] },
    });
    const confirmed = await create(eventId, { ...body, confirmDuplicate: true });
    await stack.settle();

    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'possible_duplicate' } } });
    expect(otherAudience.status).toBe(202);
    expect(confirmed.status).toBe(202);
    expect(await mailWith(body.subject)).toHaveLength(3);
  });

  it('sends the same content again once ten minutes have passed', async () => {
    const eventId = await eventWith(1);
    const body = campaign();
    expect((await create(eventId, body)).status).toBe(202);
    await stack.settle();

    await stack.advanceClock(new Date(stack.clock.now().getTime() + 11 * 60_000));
    const later = await create(eventId, body);

    expect(later.status).toBe(202);
  });
});

describe('who gets a campaign', () => {
  it('states who will get it and who matched but will not: unsubscribed, suppressed', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const [staying, leaving, bouncing] = [emailFor('staying'), emailFor('leaving'), emailFor('bouncing')];
    for (const address of [staying, leaving, bouncing]) await register(eventId, address);
    // Loaded now: the adapter reads the stack's configuration when it loads.
    const { suppressionRepository } = await import('../../shared/adapters/dynamo/suppression-repository');
    await suppressionRepository.unsubscribe(leaving, stack.clock.now().toISOString());
    await suppressionRepository.suppress(bouncing, 'bounce', stack.clock.now().toISOString());
    const body = campaign();

    const preview = await api.call<Accepted>('POST', `/events/${eventId}/campaigns/preview`, {
      body,
      as: 'organisers',
    });
    const created = await create(eventId, body);
    await stack.settle();

    const excluded = { unsubscribed: 1, suppressed: 1, noConsent: 0 };
    expect(preview).toMatchObject({ status: 200, body: { recipients: 1, excluded } });
    expect(created).toMatchObject({ status: 202, body: { recipients: 1, excluded } });
    expect(await receivedBy(body.subject, [staying, leaving, bouncing])).toEqual([staying]);
  });

  it('a news campaign goes only to delegates who consented to updates; an event campaign to all', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const [consenting, silent] = [emailFor('consenting'), emailFor('silent')];
    await register(eventId, consenting, true);
    await register(eventId, silent, false);
    const news = campaign({ purpose: 'news' });
    const logistics = campaign();

    const newsAnswer = await create(eventId, news);
    const eventAnswer = await create(eventId, logistics);
    await stack.settle();

    expect(newsAnswer).toMatchObject({
      status: 202,
      body: { recipients: 1, excluded: { unsubscribed: 0, suppressed: 0, noConsent: 1 } },
    });
    expect(eventAnswer).toMatchObject({
      status: 202,
      body: { recipients: 2, excluded: { unsubscribed: 0, suppressed: 0, noConsent: 0 } },
    });
    expect(await receivedBy(news.subject as string, [consenting, silent])).toEqual([consenting]);
    expect(await mailWith(logistics.subject as string)).toHaveLength(2);
    const listed = await list(eventId);
    expect(listed.campaigns.find((c) => c.campaignId === newsAnswer.body.campaignId)).toMatchObject({
      purpose: 'news',
      recipients: 1,
      sent: 1,
    });
  });
});

describe("a campaign's counts", () => {
  it('are kept in shards beside the campaign, which no settle writes, and add up to what was sent', async () => {
    const eventId = await eventWith(12);
    const accepted = await create(eventId, campaign());
    await stack.settle();
    const { campaignId } = accepted.body;

    const progress = await api.call<{ sent: number; pending: number; status: string }>(
      'GET',
      `/campaigns/${campaignId}`,
      { as: 'organisers' },
    );
    expect(progress.body).toMatchObject({ sent: 12, pending: 0, status: 'sent' });
    expect((await list(eventId)).campaigns.find((c) => c.campaignId === campaignId)).toMatchObject({
      sent: 12,
    });

    const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CAMPAIGN#${campaignId}` },
        ConsistentRead: true,
      }),
    );
    // The campaign's own item is where a settle at the send rate would queue behind the one before it.
    expect(Items.find((i) => i.sk === 'CAMPAIGN')).toMatchObject({ sent: 0 });
    const shards = Items.filter((i) => String(i.sk).startsWith('COUNTS#'));
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.reduce((n, s) => n + Number(s.sent ?? 0), 0)).toBe(12);
  });
});
