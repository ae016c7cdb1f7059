import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const register = async (eventId: string, body: Record<string, unknown>) =>
  api.call<{ registrationId: string; status: string; error?: { code: string } }>(
    'POST',
    `/events/${eventId}/registrations`,
    {
      body,
    },
  );

const statusOf = async (registrationId: string) =>
  (
    await api.call<{ status: string; sessions: { sessionId: string; status: string }[] }>(
      'GET',
      `/registrations/${registrationId}`,
    )
  ).body;

const mailTo = async (address: string) => stack.ses.mail(address);

describe('registering for an event', () => {
  it('confirms a place and workshop, and sends one confirmation with a calendar invite and manage link', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = uniqueEmail('sian');

    const accepted = await register(eventId, {
      name: 'Siân Jones',
      email: `  ${email.toUpperCase()} `,
      organisation: 'Oak Academy Trust',
      role: 'Head of maths',
      sessions: ['keynote', 'ws-a'],
      dietary: 'Vegetarian',
    });
    expect(accepted).toMatchObject({
      status: 202,
      body: { registrationId: expect.stringMatching(/^reg_/), status: 'pending' },
    });
    await stack.settle();

    expect(await statusOf(accepted.body.registrationId)).toEqual({
      registrationId: accepted.body.registrationId,
      eventId,
      status: 'confirmed',
      sessions: [
        { sessionId: 'keynote', status: 'confirmed' },
        { sessionId: 'ws-a', status: 'confirmed' },
      ],
      day: [
        expect.objectContaining({ sessionId: 'keynote', status: 'confirmed', chosen: true }),
        expect.objectContaining({ sessionId: 'ws-a', status: 'confirmed', chosen: true }),
      ],
    });
    const mails = await mailTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toContain('Trust leaders day');
    expect(mail.destination.to).toEqual([`"Siân Jones" <${email}>`]);
    expect(mail.raw).toMatch(/text\/calendar/);
    expect(mail.raw).toMatch(/METHOD:REQUEST/);
    expect(manageLinkIn(mail.body.text ?? '').registrationId).toBe(accepted.body.registrationId);
    const event = await api.call<{
      placesLeft: number;
      sessions: { id: string; placesLeft: number | null }[];
    }>('GET', `/events/${eventId}`);
    expect(event.body.placesLeft).toBe(99);
    expect(event.body.sessions.find((s) => s.id === 'ws-a')?.placesLeft).toBe(19);
  });

  it('refuses the same email twice (case and spaces ignored) with 409 already_registered', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = uniqueEmail('twice');
    expect((await register(eventId, { name: 'Ann', email })).status).toBe(202);
    await stack.settle();
    const again = await register(eventId, { name: 'Ann', email: ` ${email.toUpperCase()}` });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_registered' } } });
  });

  it('answers 404 for an unknown event, 409 for a draft, 400 for unknown or overlapping sessions', async () => {
    expect((await register('evt_unknown', { name: 'A', email: uniqueEmail('a') })).status).toBe(404);
    const draft = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const closed = await register(draft.body.eventId, { name: 'A', email: uniqueEmail('a') });
    expect(closed).toMatchObject({ status: 409, body: { error: { code: 'registration_closed' } } });
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const unknown = await register(eventId, { name: 'A', email: uniqueEmail('a'), sessions: ['ws-z'] });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const overlapping = await register(eventId, {
      name: 'A',
      email: uniqueEmail('a'),
      sessions: ['ws-a', 'ws-b'],
    });
    expect(overlapping.status).toBe(400);
  });
});

describe('waiting lists', () => {
  it('waitlists past capacity and promotes the oldest waiting when a place is cancelled', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 2 }));
    const emails = ['first', 'second', 'third', 'fourth'].map(uniqueEmail);
    const ids: string[] = [];
    for (const email of emails) {
      ids.push((await register(eventId, { name: 'Delegate', email })).body.registrationId);
      await stack.settle();
    }
    expect((await Promise.all(ids.map(statusOf))).map((s) => s.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect((await mailTo(emails[2]!))[0]?.subject).toMatch(/waiting list/i);

    const { token } = manageLinkIn((await mailTo(emails[0]!))[0]?.body.text ?? '');
    const cancelled = await api.call('POST', `/registrations/${ids[0]}/cancel`, { body: { token } });
    expect(cancelled.status).toBe(202);
    await stack.settle();

    expect((await Promise.all(ids.map(statusOf))).map((s) => s.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    const third = await mailTo(emails[2]!);
    expect(third.map((m) => m.subject)).toEqual([
      expect.stringMatching(/waiting list/i),
      expect.stringMatching(/place has come up/i),
    ]);
    const first = await mailTo(emails[0]!);
    expect(first).toHaveLength(2);
    expect(first[1]?.raw).toMatch(/METHOD:CANCEL/);
  });

  it('confirms the event place but waitlists a full workshop, then promotes within the workshop', async () => {
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: 10, workshopCapacity: 1 }),
    );
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const first = (await register(eventId, { name: 'A', email: a, sessions: ['ws-a', 'ws-c'] })).body
      .registrationId;
    await stack.settle();
    const second = (await register(eventId, { name: 'B', email: b, sessions: ['ws-a'] })).body.registrationId;
    await stack.settle();
    expect(await statusOf(second)).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: 'ws-a', status: 'waitlisted' }],
    });

    const { token } = manageLinkIn((await mailTo(a))[0]?.body.text ?? '');
    await api.call('POST', `/registrations/${first}/cancel`, { body: { token } });
    await stack.settle();
    expect(await statusOf(second)).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: 'ws-a', status: 'confirmed' }],
    });
    expect((await mailTo(b)).map((m) => m.subject)).toEqual([
      expect.any(String),
      expect.stringMatching(/place has come up/i),
    ]);
  });

  it('two cancellations at once promote exactly two delegates', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 3 }));
    const emails = Array.from({ length: 6 }, (_, i) => uniqueEmail(`c${i}`));
    const ids: string[] = [];
    for (const email of emails) {
      ids.push((await register(eventId, { name: 'Delegate', email })).body.registrationId);
      await stack.settle();
    }
    const tokens = await Promise.all(
      emails.slice(0, 2).map(async (e) => manageLinkIn((await mailTo(e))[0]?.body.text ?? '').token),
    );
    await Promise.all(
      [0, 1].map((i) => api.call('POST', `/registrations/${ids[i]}/cancel`, { body: { token: tokens[i] } })),
    );
    await stack.settle();
    expect((await Promise.all(ids.map(statusOf))).map((s) => s.status)).toEqual([
      'cancelled',
      'cancelled',
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
  });
});

describe('manage tokens', () => {
  it('refuses tampered, truncated and other delegates\u2019 tokens with 403 and changes nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const mine = uniqueEmail('mine');
    const theirs = uniqueEmail('theirs');
    const myId = (await register(eventId, { name: 'Me', email: mine })).body.registrationId;
    const theirId = (await register(eventId, { name: 'Them', email: theirs })).body.registrationId;
    await stack.settle();
    const myToken = manageLinkIn((await mailTo(mine))[0]?.body.text ?? '').token;
    const flipped = myToken.slice(0, -2) + (myToken.endsWith('AA') ? 'BB' : 'AA');
    for (const [id, token] of [
      [myId, flipped],
      [myId, myToken.slice(0, 20)],
      [theirId, myToken],
      [myId, 'not-a-token'],
    ] as const) {
      const response = await api.call<{ error: { code: string } }>('POST', `/registrations/${id}/cancel`, {
        body: { token },
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('invalid_token');
    }
    await stack.settle();
    expect((await statusOf(myId)).status).toBe('confirmed');
    expect((await statusOf(theirId)).status).toBe('confirmed');
  });
});

describe('organisers', () => {
  it('check delegates in (twice is once), list them as JSON and CSV, and erase one', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const email = uniqueEmail('zoe');
    const id = (
      await register(eventId, {
        name: 'Zoë Ó Briain',
        email,
        organisation: '=HYPERLINK("x")',
        sessions: ['ws-a'],
        accessNeeds: 'Step-free access',
      })
    ).body.registrationId;
    const waiting = (await register(eventId, { name: 'Wait', email: uniqueEmail('wait') })).body
      .registrationId;
    await stack.settle();

    for (let i = 0; i < 2; i += 1) {
      expect(
        await api.call('POST', `/events/${eventId}/check-ins`, {
          body: { registrationId: id },
          as: 'organisers',
        }),
      ).toMatchObject({
        status: 200,
        body: { status: 'attended' },
      });
    }
    const notConfirmed = await api.call('POST', `/events/${eventId}/check-ins`, {
      body: { registrationId: waiting },
      as: 'organisers',
    });
    expect(notConfirmed.status).toBe(409);

    const list = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    );
    expect(list.body.registrations.map((r) => r.status)).toEqual(['confirmed', 'waitlisted']);
    expect(list.body.registrations[0]).toMatchObject({ name: 'Zoë Ó Briain', email, attended: true });
    // Needs (special category data) only when asked for.
    expect(list.body.registrations[0]).not.toHaveProperty('accessNeeds');
    const withNeeds = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations?include=needs`,
      { as: 'organisers' },
    );
    expect(withNeeds.body.registrations[0]).toMatchObject({ accessNeeds: 'Step-free access' });

    const csv = await api.call<string>('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('name,organisation,role,email,status,attended,sessions,registration id');
    expect(lines[1]).toContain('Zoë Ó Briain');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('Workshop A');

    expect((await api.call('GET', `/events/${eventId}/registrations`, { as: 'comms' })).status).toBe(403);

    expect(
      (await api.call('DELETE', `/events/${eventId}/registrations/${id}`, { as: 'organisers' })).status,
    ).toBe(204);
    const after = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    );
    expect(JSON.stringify(after.body)).not.toContain(email);
    expect(JSON.stringify(after.body)).not.toContain('Zoë');
    expect(after.body.registrations[0]).toMatchObject({ status: 'confirmed', attended: true, erased: true });
    const event = await api.call<{ placesLeft: number }>('GET', `/events/${eventId}`);
    expect(event.body.placesLeft).toBe(0);
    // The email claim went with the data: the same address may register again (and waits, the event is full).
    expect((await register(eventId, { name: 'Zoë again', email })).status).toBe(202);
    await stack.settle();
  });
});
