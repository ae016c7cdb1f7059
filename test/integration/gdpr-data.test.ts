import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infra/local/stack';
import { consoleSessionCookie } from '../support/console';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

const DAY = 86_400;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;
let withNeeds: string;
let withoutNeeds: string;
let day: string;

type Report = {
  endsAt: string;
  retentionDays: number;
  expiresAt: string;
  needsRetentionDays: number;
  needsExpireAt: string;
  held: { kind: string; records: number | null; expiresAt: string | null; notYetStamped?: number }[];
};

const register = async (body: Record<string, unknown>): Promise<string> => {
  const response = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body,
  });
  expect(response.status).toBe(202);
  return response.body.registrationId;
};

const itemOf = async (registrationId: string, sk: 'REG' | 'NEEDS') => {
  const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: { pk: `REG#${registrationId}`, sk } }),
  );
  return Item;
};

const expiryOf = async (registrationId: string): Promise<unknown> =>
  (await itemOf(registrationId, 'REG'))?.expiresAt;
const needsExpiryOf = async (registrationId: string): Promise<unknown> =>
  (await itemOf(registrationId, 'NEEDS'))?.expiresAt;

const report = async (): Promise<Report> => {
  const response = await api.call<Report>('GET', `/events/${eventId}/data-report`, { as: 'organisers' });
  expect(response.status).toBe(200);
  return response.body;
};

const kind = (r: Report, name: string) => r.held.find((h) => h.kind === name);

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  const conference = smallConference(stack.clock.now());
  day = conference.endsAt.slice(0, 10);
  eventId = await publishedEvent(stack, api, conference);
  withNeeds = await register({
    name: 'Nia Needs',
    email: uniqueEmail('needs'),
    accessNeeds: 'Hearing loop please',
    dietary: 'Kosher',
  });
  withoutNeeds = await register({ name: 'Otto Plain', email: uniqueEmail('plain') });
  await stack.settle();
}, 300_000);
afterAll(async () => stack?.stop());

describe('access and dietary needs', () => {
  it('are left out of the default export, JSON and CSV, and included with include=needs', async () => {
    const plain = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    );
    expect(JSON.stringify(plain.body)).not.toMatch(/Hearing loop|Kosher/);
    const csv = await api.call<string>('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(csv.body).not.toMatch(/Hearing loop|Kosher|access needs/);

    const asked = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations?include=needs`,
      { as: 'organisers' },
    );
    expect(asked.body.registrations.find((r) => r.registrationId === withNeeds)).toMatchObject({
      accessNeeds: 'Hearing loop please',
      dietary: 'Kosher',
    });
    const csvAsked = await api.call<string>('GET', `/events/${eventId}/registrations?include=needs`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(csvAsked.body).toContain('Hearing loop please');
  });

  it('are never shown to the comms team', async () => {
    for (const path of [
      `/events/${eventId}/registrations`,
      `/events/${eventId}/registrations?include=needs`,
    ]) {
      expect((await api.call('GET', path, { as: 'comms' })).status).toBe(403);
    }
    expect((await api.call('GET', `/events/${eventId}/data-report`, { as: 'comms' })).status).toBe(403);
    for (const path of [`/events/${eventId}`, `/events/${eventId}/plan`, `/events/${eventId}/social-posts`]) {
      // Whatever the answer (a team's own event, or 404 for another's), the needs are not in it.
      const seen = await api.call('GET', path, { as: 'comms' });
      expect(seen.status).toBeLessThan(500);
      expect(JSON.stringify(seen.body)).not.toMatch(/Hearing loop|Kosher/);
    }
  });
});

describe('retention', () => {
  it('keeps needs in an item of their own, apart from the registration, expiring sooner', async () => {
    const registration = await itemOf(withNeeds, 'REG');
    expect(registration?.delegate).toMatchObject({ name: 'Nia Needs' });
    expect(JSON.stringify(registration)).not.toMatch(/Hearing loop|Kosher/);
    expect(await itemOf(withNeeds, 'NEEDS')).toMatchObject({
      accessNeeds: 'Hearing loop please',
      dietary: 'Kosher',
    });
    expect(await itemOf(withoutNeeds, 'NEEDS')).toBeUndefined();
    // The organiser's page of the delegate puts them back together.
    const cookie = await consoleSessionCookie(stack.url, 'organisers');
    const page = await fetch(`${stack.url}/console/events/${eventId}/registrations/${withNeeds}`, {
      headers: { cookie, accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Hearing loop please[\s\S]*Kosher|Kosher[\s\S]*Hearing loop please/);
  });

  it('stamps each registration to expire the set days after the event ends, and re-stamps when the end moves', async () => {
    const before = await report();
    const expected = Math.floor(new Date(before.endsAt).getTime() / 1000) + before.retentionDays * DAY;
    const needsExpected = Math.floor(new Date(before.endsAt).getTime() / 1000) + 30 * DAY;
    expect(before.retentionDays).toBe(180);
    expect(before).toMatchObject({
      needsRetentionDays: 30,
      needsExpireAt: new Date(needsExpected * 1000).toISOString(),
    });
    expect(kind(before, 'needs')).toMatchObject({ expiresAt: before.needsExpireAt });
    expect(await expiryOf(withNeeds)).toBe(expected);
    expect(await expiryOf(withoutNeeds)).toBe(expected);
    expect(await needsExpiryOf(withNeeds)).toBe(needsExpected);

    const moved = await api.call('PATCH', `/events/${eventId}`, {
      body: { endsAt: `${day}T17:30`, notify: false },
      as: 'organisers',
    });
    expect(moved.status).toBe(200);
    await stack.settle();

    const after = await report();
    const restamped = Math.floor(new Date(after.endsAt).getTime() / 1000) + after.retentionDays * DAY;
    expect(restamped).toBe(expected + 3600);
    expect(await expiryOf(withNeeds)).toBe(restamped);
    expect(await expiryOf(withoutNeeds)).toBe(restamped);
    expect(await needsExpiryOf(withNeeds)).toBe(needsExpected + 3600);
  });
});

describe('the data report', () => {
  it('counts what is held, where and until when, and follows an erasure', async () => {
    const first = await report();
    expect(kind(first, 'registrations')).toMatchObject({ records: 2, expiresAt: first.expiresAt });
    expect(kind(first, 'needs')).toMatchObject({ records: 1 });
    expect(kind(first, 'erased-registrations')).toMatchObject({ records: 0, expiresAt: null });
    expect(kind(first, 'survey-responses')).toMatchObject({ records: 0 });
    expect(kind(first, 'suppression-list')).toMatchObject({ records: null });

    const erased = await api.call('DELETE', `/events/${eventId}/registrations/${withNeeds}`, {
      as: 'organisers',
      headers: { prefer: 'return=representation' },
    });
    expect(erased).toMatchObject({
      status: 200,
      body: { registrationId: withNeeds, erased: true, surveyAnswered: false },
    });
    await stack.settle();
    expect(await itemOf(withNeeds, 'NEEDS')).toBeUndefined();

    const second = await report();
    expect(kind(second, 'registrations')).toMatchObject({ records: 1 });
    expect(kind(second, 'needs')).toMatchObject({ records: 0 });
    expect(kind(second, 'erased-registrations')).toMatchObject({ records: 1 });
    expect(JSON.stringify(second)).not.toMatch(/Nia Needs|Hearing loop/);
  });
});

describe('a new registration’s stamp', () => {
  it('re-stamps a registration written with an end that moved meanwhile, and leaves a right one alone', async () => {
    // Arrange: as if the end moved between the registration's write and the event's re-stamp.
    const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
    const late = await register({ name: 'Late', email: uniqueEmail('late'), accessNeeds: 'Step-free' });
    await stack.settle();
    const right = await expiryOf(late);
    const rightNeeds = await needsExpiryOf(late);
    for (const sk of ['REG', 'NEEDS'])
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `REG#${late}`, sk },
          UpdateExpression: 'SET expiresAt = :stale',
          ExpressionAttributeValues: { ':stale': 1 },
        }),
      );
    const requested = stack.bus.archive.find(
      (e) =>
        e['detail-type'] === 'Registration Requested' &&
        (e.detail as { registrationId?: string }).registrationId === late,
    );

    // Act: the bus delivers its Registration Requested again.
    await stack.runtime.invoke('stampRetention', requested);

    // Assert
    expect(await expiryOf(late)).toBe(right);
    expect(await needsExpiryOf(late)).toBe(rightNeeds);
  });
});
