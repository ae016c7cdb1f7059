import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { SESSION_COOKIE } from '../../shared/console/session-cookie';
import type { AuditRecord } from '../../shared/domain/audit/audit-record';
import { smallConference, uniqueEmail } from '../support/conference-fixtures';
import { recordFigures } from '../support/figures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

/** The organiser the test's bearer token names (infra/local/local-auth.ts). */
const organiser = { subject: 'local-organisers', email: 'local-organisers@example.org' };

type Page = { records: AuditRecord[]; next?: string };

const audit = async (eventId: string, query = ''): Promise<Page> => {
  const page = await api.call<Page>('GET', `/events/${eventId}/audit${query}`, { as: 'organisers' });
  expect(page.status).toBe(200);
  return page.body;
};

/** Every record of the event's audit, as DynamoDB holds it (read through the SDK, keys and all). */
const storedItems = async (eventId: string): Promise<Record<string, unknown>[]> => {
  const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
  const answer = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `EVENT#${eventId}#AUDIT` },
    }),
  );
  return answer.Items ?? [];
};

const withSurvey = () => ({
  ...smallConference(stack.clock.now()),
  survey: {
    daysAfter: 1,
    at: '09:00',
    questions: [{ id: 'overall', kind: 'rating' as const, prompt: 'Overall, how was the day?' }],
  },
});

const register = async (eventId: string, name: string, email: string): Promise<string> => {
  const registered = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email },
  });
  expect(registered.status).toBe(202);
  return registered.body.registrationId;
};

describe('the audit', () => {
  it('records every audited action through the API with who and when, newest first, a page at a time', async () => {
    const started = stack.clock.now().toISOString();
    // Arrange and act: one of each audited action, through the JSON API.
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: withSurvey(),
      as: 'organisers',
    });
    expect(created.status).toBe(201);
    const { eventId } = created.body;
    expect(
      (await api.call('PATCH', `/events/${eventId}`, { body: { capacity: 90 }, as: 'organisers' })).status,
    ).toBe(200);
    expect((await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' })).status).toBe(200);
    const registrationId = await register(eventId, 'Ada Audit', uniqueEmail('ada'));
    await stack.settle();
    expect(
      (await api.call('POST', `/events/${eventId}/check-ins`, { body: { registrationId }, as: 'organisers' }))
        .status,
    ).toBe(200);
    expect((await api.call('GET', `/events/${eventId}/registrations`, { as: 'organisers' })).status).toBe(
      200,
    );
    const csv = await api.call('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const results = await api.call('GET', `/events/${eventId}/survey-results`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(results.status).toBe(200);
    const sendAt = new Date(stack.clock.now().getTime() + 86_400_000).toISOString();
    const campaign = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
      body: { subject: 'Travel', text: 'Trains are running.', audience: { status: ['confirmed'] }, sendAt },
      as: 'organisers',
    });
    expect(campaign.status).toBe(202);
    const { campaignId } = campaign.body;
    expect((await api.call('POST', `/campaigns/${campaignId}/cancel`, { as: 'organisers' })).status).toBe(
      200,
    );
    const fake = await register(eventId, 'Bulk Fake', uniqueEmail('fake'));
    await stack.settle();
    const removed = await api.call('POST', `/events/${eventId}/registrations/bulk-remove`, {
      body: { registrationIds: [fake] },
      as: 'organisers',
    });
    expect(removed.status).toBe(200);
    expect(
      (await api.call('DELETE', `/events/${eventId}/registrations/${registrationId}`, { as: 'organisers' }))
        .status,
    ).toBe(204);
    expect((await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' })).status).toBe(200);

    // Assert: newest first, each with who, when and the ids it is about.
    const { records } = await audit(eventId);
    expect(records.map((r) => [r.action, r.format ?? null])).toEqual([
      ['event.cancelled', null],
      ['registration.erased', null],
      ['registrations.removed', null],
      ['campaign.cancelled', null],
      ['campaign.created', null],
      ['survey-results.exported', 'csv'],
      ['registrations.exported', 'csv'],
      ['registrations.exported', 'json'],
      ['check-in.recorded', null],
      ['event.published', null],
      ['event.updated', null],
      ['event.created', null],
    ]);
    for (const record of records) {
      expect(record).toMatchObject({
        eventId,
        via: 'api',
        actor: { ...organiser, username: organiser.subject },
      });
      expect(record.at >= started && record.at <= stack.clock.now().toISOString()).toBe(true);
    }
    expect(records.find((r) => r.action === 'check-in.recorded')?.registrationId).toBe(registrationId);
    expect(records.find((r) => r.action === 'registration.erased')?.registrationId).toBe(registrationId);
    expect(records.filter((r) => r.action.startsWith('campaign.')).map((r) => r.campaignId)).toEqual([
      campaignId,
      campaignId,
    ]);

    // Paginated: the same records, newest first, two at a time.
    const paged: AuditRecord[] = [];
    let next: string | undefined;
    do {
      const page = await audit(eventId, `?limit=4${next ? `&after=${next}` : ''}`);
      expect(page.records.length).toBeLessThanOrEqual(4);
      paged.push(...page.records);
      next = page.next;
    } while (next);
    expect(paged.map((r) => r.auditId)).toEqual(records.map((r) => r.auditId));
    expect(
      (await api.call('GET', `/events/${eventId}/audit?after=nonsense`, { as: 'organisers' })).status,
    ).toBe(400);
    expect((await api.call('GET', `/events/${eventId}/audit`, { as: 'comms' })).status).toBe(403);
    expect((await api.call('GET', '/events/evt_unknown/audit', { as: 'organisers' })).status).toBe(404);
  }, 240_000);

  it("keeps none of an erased delegate's personal data", async () => {
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const { eventId } = created.body;
    await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' });
    const email = uniqueEmail('erin-erased');
    const registrationId = await register(eventId, 'Erin Erasable', email);
    await stack.settle();
    await api.call('POST', `/events/${eventId}/check-ins`, { body: { registrationId }, as: 'organisers' });
    await api.call('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(
      (await api.call('DELETE', `/events/${eventId}/registrations/${registrationId}`, { as: 'organisers' }))
        .status,
    ).toBe(204);

    const stored = JSON.stringify(await storedItems(eventId)).toLowerCase();
    expect(stored).toContain(registrationId);
    expect(stored).toContain('registration.erased');
    expect(stored).not.toContain(email.toLowerCase());
    expect(stored).not.toContain('erin');
    expect(stored).not.toContain('erasable');
  }, 120_000);

  it('records nothing for a refused request', async () => {
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const { eventId } = created.body;
    const before = (await storedItems(eventId)).length;
    const refused = [
      await api.call('GET', `/events/${eventId}/registrations`, { as: 'comms' }), // 403
      await api.call('GET', `/events/${eventId}/registrations`), // 401
      await api.call('DELETE', `/events/${eventId}/registrations/reg_nobody`, { as: 'organisers' }), // 404
      await api.call('POST', `/events/${eventId}/check-ins`, { body: {}, as: 'organisers' }), // 400
      await api.call('PATCH', `/events/${eventId}`, { body: { capacity: -1 }, as: 'organisers' }), // 400
      await api.call('POST', `/events/${eventId}/campaigns`, { body: {}, as: 'organisers' }), // 400
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 401, 404, 400, 400, 400]);
    const writesAfterRefusal = (await storedItems(eventId)).length - before;
    recordFigures({ writesAfterRefusal });
    expect(writesAfterRefusal).toBe(0);
  }, 120_000);

  it('withholds an export whose record cannot be written', async () => {
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const { eventId } = created.body;
    stack.iam.withdraw('listRegistrations', 'dynamodb:PutItem');
    try {
      const exported = await api.call<{ error: { code: string } }>(
        'GET',
        `/events/${eventId}/registrations`,
        {
          as: 'organisers',
        },
      );
      expect(exported.status).toBe(500);
      expect(exported.body.error.code).toBe('audit_unavailable');
    } finally {
      stack.iam.restore();
    }
    recordFigures({ faultsInjected: { 'audit-put-denied': 1 } });
    expect((await audit(eventId)).records.map((r) => r.action)).toEqual(['event.created']);
  }, 120_000);

  it('records what is done in the console, with who and when', async () => {
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const { eventId } = created.body;
    await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' });
    const registrationId = await register(eventId, 'Dev Door', uniqueEmail('dev'));
    await stack.settle();
    const cookie = `${SESSION_COOKIE}=${await signLocalToken(['organisers'], { subject: 'console-organiser' })}`;

    // A download, then a form's post (with the session's form value from the page).
    const csv = await fetch(`${stack.url}/console/events/${eventId}/registrations.csv`, {
      headers: { cookie },
    });
    expect(csv.status).toBe(200);
    const door = await (
      await fetch(`${stack.url}/console/events/${eventId}/door`, { headers: { cookie } })
    ).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(door)?.[1] ?? '';
    const checkIn = await fetch(`${stack.url}/console/events/${eventId}/door/check-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, registrationId }).toString(),
    });
    expect(checkIn.status).toBe(303);
    // A post without the form value is refused, and records nothing.
    const forged = await fetch(`${stack.url}/console/events/${eventId}/door/undo`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ registrationId }).toString(),
    });
    expect(forged.status).toBe(403);

    const { records } = await audit(eventId);
    const consoleActor = { subject: 'console-organiser', email: 'console-organiser@example.org' };
    expect(records.slice(0, 2)).toMatchObject([
      { action: 'check-in.recorded', via: 'console', actor: consoleActor, registrationId },
      { action: 'registrations.exported', via: 'console', actor: consoleActor, format: 'csv' },
    ]);
    expect(records.filter((r) => r.via === 'console')).toHaveLength(2);

    // The console's page shows them.
    const page = await fetch(`${stack.url}/console/events/${eventId}/audit`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Checked a delegate in');
    expect(html).toContain('Exported the registrations as CSV');
    expect(html).toContain('console-organiser@example.org');
  }, 180_000);
});
