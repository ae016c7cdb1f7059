import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { manageLinkIn, publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
/** The table itself, to see what is stored. */
const table = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: process.env.CONVENE_TEST_DYNAMODB_ENDPOINT,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
);

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const survey: NonNullable<CreateEventRequest['survey']> = {
  daysAfter: 1,
  at: '09:00',
  closesAfterDays: 7,
  reminder: { daysAfter: 3, at: '12:00' },
  questions: [
    { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
    { id: 'recommend', kind: 'nps', prompt: 'Would you recommend it to a colleague?' },
    { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Workshops', 'Networking'] },
    { id: 'comments', kind: 'text', prompt: 'Anything else?' },
  ],
};

/** An event 40 days after the stack's clock with the survey above. */
const surveyedEvent = (options: { capacity?: number } = {}): CreateEventRequest => ({
  ...smallConference(stack.clock.now(), options),
  survey,
});

let run = 0;
const emailFor = (label: string) => `${label}-${(run += 1)}-${Date.now()}@school.example.org`;

const register = async (eventId: string, name: string, email: string): Promise<string> => {
  const answer = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email },
  });
  expect(answer.status).toBe(202);
  return answer.body.registrationId;
};

const checkIn = async (eventId: string, registrationId: string) =>
  expect(
    (await api.call('POST', `/events/${eventId}/check-ins`, { body: { registrationId }, as: 'organisers' }))
      .status,
  ).toBe(200);

/** The survey mails a delegate holds, oldest first, with the link's token. */
const surveyMails = async (email: string) =>
  (await stack.ses.mail(email))
    .filter((m) => /feedback/i.test(m.subject))
    .map((m) => ({
      subject: m.subject,
      raw: m.raw,
      token: /\/surveys\/([\w.-]+)/.exec(m.body.text ?? '')?.[1],
    }));

const surveySchedules = (eventId: string) =>
  stack.scheduler
    .list()
    .filter((s) => s.name.startsWith(`srv-${eventId}-`))
    .map((s) => ({ name: s.name, dueAt: s.dueAt.toISOString() }));

/** The instant of `time` on the day `days` after the event's day, in London. */
const dayAfter = (event: CreateEventRequest, days: number, time: string): Date =>
  DateTime.fromISO(`${event.startsAt.slice(0, 10)}T${time}`, { zone: 'Europe/London' })
    .plus({ days })
    .toJSDate();

const results = (eventId: string, headers: Record<string, string> = {}) =>
  api.call<Record<string, unknown>>('GET', `/events/${eventId}/survey-results`, {
    as: 'organisers',
    headers,
  });

const answer = (token: string, answers: Record<string, unknown>) =>
  api.call<{ error?: { code: string; details: { path: string }[] } }>('POST', `/surveys/${token}`, {
    body: { answers },
  });

describe('a survey after a day where 12 of 20 delegates were checked in', () => {
  let event: CreateEventRequest;
  let eventId: string;
  const delegates: { name: string; email: string; registrationId: string }[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    event = surveyedEvent();
    eventId = await publishedEvent(stack, api, event);
    for (let i = 0; i < 20; i += 1) {
      const name = `Delegate ${String.fromCharCode(65 + i)}`;
      const email = emailFor(`d${i}`);
      delegates.push({ name, email, registrationId: await register(eventId, name, email) });
    }
    await stack.settle();
    for (const d of delegates.slice(0, 12)) await checkIn(eventId, d.registrationId);
  });

  it('schedules the invitation and the reminder on publish, in the event zone', () => {
    expect(surveySchedules(eventId)).toEqual([
      { name: `srv-${eventId}-invitation`, dueAt: dayAfter(event, 1, '09:00').toISOString() },
      { name: `srv-${eventId}-reminder`, dueAt: dayAfter(event, 3, '12:00').toISOString() },
    ]);
  });

  it('invites the 12 checked in when the time comes, none of the other 8, each with a link of their own', async () => {
    await stack.advanceClock(new Date(dayAfter(event, 1, '09:00').getTime() - 60_000));
    for (const d of delegates) expect(await surveyMails(d.email)).toEqual([]);

    await stack.advanceClock(new Date(dayAfter(event, 1, '09:00').getTime() + 60_000));
    for (const d of delegates.slice(0, 12)) {
      const mails = await surveyMails(d.email);
      expect(mails).toHaveLength(1);
      // One mail about the day they came to: it goes like a reminder, without unsubscribe headers.
      expect(mails[0]?.raw).not.toMatch(/^List-Unsubscribe/m);
      tokens.set(d.registrationId, mails[0]?.token ?? '');
    }
    for (const d of delegates.slice(12)) expect(await surveyMails(d.email)).toEqual([]);
    expect(new Set(tokens.values()).size).toBe(12);

    // The same `Survey Due` again, twice after each other and twice at once, invites nobody twice.
    const due = stack.bus.archive.find(
      (e) => e['detail-type'] === 'Survey Due' && (e.detail as { eventId?: string }).eventId === eventId,
    );
    expect(due).toBeDefined();
    await stack.runtime.invoke('queueSurveyMail', due);
    await stack.runtime.invoke('queueSurveyMail', due);
    await Promise.all([
      stack.runtime.invoke('queueSurveyMail', due),
      stack.runtime.invoke('queueSurveyMail', due),
    ]);
    await stack.settle();
    for (const d of delegates.slice(0, 12)) expect(await surveyMails(d.email)).toHaveLength(1);
    expect((await results(eventId)).body).toMatchObject({ invited: 12, responded: 0 });
  });

  it('shows the survey behind the link', async () => {
    const token = tokens.get(delegates[0]!.registrationId)!;
    const shown = await api.call('GET', `/surveys/${token}`);
    expect(shown).toMatchObject({
      status: 200,
      body: {
        eventTitle: event.title,
        questions: survey.questions,
        answered: false,
        closesAt: dayAfter(event, 8, '09:00').toISOString(),
      },
    });
  });

  it('refuses invalid answers with 400 and keeps nothing of them', async () => {
    const token = tokens.get(delegates[0]!.registrationId)!;
    const cases: [Record<string, unknown>, string][] = [
      [{ overall: 6 }, 'answers.overall'],
      [{ overall: 4, recommend: 11 }, 'answers.recommend'],
      [{ overall: 4, best: 'Lunch' }, 'answers.best'],
      [{ overall: 4, venue: 5 }, 'answers.venue'],
      [{ recommend: 9 }, 'answers.overall'],
    ];
    for (const [answers, path] of cases) {
      const refused = await answer(token, answers);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.code).toBe('invalid_request');
      expect(refused.body.error?.details.map((d) => d.path)).toEqual([path]);
    }
    const extraField = await api.call('POST', `/surveys/${token}`, {
      body: { answers: { overall: 4 }, name: 'x' },
    });
    expect(extraField.status).toBe(400);
    expect((await results(eventId)).body).toMatchObject({ responded: 0 });
    expect((await api.call('GET', `/surveys/${token}`)).body).toMatchObject({ answered: false });
  });

  it('refuses malformed bodies and links with a 4xx in the error shape, never a 5xx', async () => {
    const token = tokens.get(delegates[11]!.registrationId)!;
    const bodies: { rawBody?: string; body?: unknown; headers?: Record<string, string> }[] = [
      { rawBody: '{"answers": ' },
      { rawBody: 'answers=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: {} },
      { body: { answers: [] } },
      { body: { answers: 'all good' } },
      { body: { answers: { overall: true } } },
      { body: { answers: { overall: null } } },
      { body: { answers: { overall: { score: 5 } } } },
      { body: { answers: { ['x'.repeat(41)]: 1 } } },
      { body: { answers: { overall: 4, comments: 'x'.repeat(17_000) } } },
    ];
    for (const send of bodies) {
      const refused = await api.call<{ error?: { code: string } }>('POST', `/surveys/${token}`, send);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.code).toEqual(expect.any(String));
    }
    for (const path of [`/surveys/${'a'.repeat(1100)}`, '/surveys/%E0%A4%A', `/surveys/${token}x`]) {
      const refused = await api.call<{ error?: { code: string } }>('GET', path);
      // A token too long to be one of ours names nothing: 404 at the edge (shared/http/path-bounds.ts).
      expect(path.length > 1000 ? [404] : [400, 403]).toContain(refused.status);
      expect(refused.body.error?.code).toEqual(expect.any(String));
    }
    expect((await results(eventId)).body).toMatchObject({ responded: 0 });
    expect((await api.call('GET', `/surveys/${token}`)).body).toMatchObject({ answered: false });
  });

  it('takes one response per delegate: 201, then 409 already_answered', async () => {
    const token = tokens.get(delegates[0]!.registrationId)!;
    const first = await answer(token, { overall: 5, recommend: 10, best: 'Keynote', comments: 'Inspiring' });
    expect(first).toMatchObject({ status: 201, body: { status: 'answered' } });
    const again = await answer(token, { overall: 1 });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_answered' } } });
    expect((await api.call('GET', `/surveys/${token}`)).body).toMatchObject({ answered: true });
    expect((await results(eventId)).body).toMatchObject({ responded: 1 });
  });

  it('refuses a tampered link, or another link of the delegate, with 403', async () => {
    const token = tokens.get(delegates[1]!.registrationId)!;
    const [body, signature] = token.split('.') as [string, string];
    const flipped = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const otherSubject = `${tokens.get(delegates[2]!.registrationId)!.split('.')[0]}.${signature}`;
    const { token: manage } = manageLinkIn((await stack.ses.mail(delegates[1]!.email))[0]?.body.text ?? '');
    for (const bad of [flipped, otherSubject, manage, 'not-a-token']) {
      expect((await api.call('GET', `/surveys/${bad}`)).status).toBe(403);
      const refused = await answer(bad, { overall: 3 });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'invalid_token' } } });
    }
    expect((await results(eventId)).body).toMatchObject({ responded: 1 });
  });

  it('withholds breakdowns below 5 responses and shows them from 5, CSV without personal data', async () => {
    const answers = [
      { overall: 4, recommend: 9, best: 'Workshops' },
      { overall: 3, recommend: 6, comments: 'Too hot in the hall' },
      { overall: 5, recommend: 8, best: 'Workshops' },
    ];
    for (const [i, a] of answers.entries()) {
      expect((await answer(tokens.get(delegates[i + 1]!.registrationId)!, a)).status).toBe(201);
    }
    const four = await results(eventId);
    expect(four.body).toMatchObject({ invited: 12, responded: 4, withheld: true, responseRate: 0.333 });
    expect(four.body.note).toMatch(/Fewer than 5/);
    expect(JSON.stringify(four.body)).not.toContain('Too hot');
    const fourCsv = await results(eventId, { accept: 'text/csv' });
    expect(fourCsv.body).toBe('response,overall,recommend,best,comments\r\n');

    expect(
      (await answer(tokens.get(delegates[4]!.registrationId)!, { overall: 2, recommend: 3 })).status,
    ).toBe(201);
    const five = await results(eventId);
    expect(five.body).toMatchObject({ invited: 12, responded: 5, withheld: false, responseRate: 0.417 });
    expect(five.body.questions).toEqual([
      {
        id: 'overall',
        kind: 'rating',
        prompt: 'How was the day overall?',
        responses: 5,
        withheld: false,
        mean: 3.8,
        distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 },
      },
      expect.objectContaining({
        id: 'recommend',
        responses: 5,
        withheld: false,
        nps: { score: 0, promoters: 2, passives: 1, detractors: 2 },
      }),
      // Optional questions fewer than 5 answered keep their breakdowns to themselves.
      { id: 'best', kind: 'choice', prompt: 'Best part?', responses: 3, withheld: true },
      { id: 'comments', kind: 'text', prompt: 'Anything else?', responses: 2, withheld: true },
    ]);
    expect(JSON.stringify(five.body)).not.toContain('Too hot');

    const exported = await results(eventId, { accept: 'text/csv' });
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = String(exported.body).trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe('response,overall,recommend,best,comments');
    const csv = String(exported.body);
    expect(csv).not.toContain('Inspiring');
    for (const d of delegates) {
      expect(csv).not.toContain(d.name);
      expect(csv).not.toContain(d.email);
      expect(csv).not.toContain(d.registrationId);
    }

    // As stored: the answers and nothing else, no registration and no time.
    const stored = await table.send(
      new QueryCommand({
        TableName: stack.resources.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}#SURVEY` },
      }),
    );
    expect(stored.Items).toHaveLength(5);
    for (const item of stored.Items ?? []) {
      // expiresAt: the retention TTL (epoch seconds), stamped from the event's end, not the answer's time.
      expect(Object.keys(item).sort()).toEqual(['answers', 'entity', 'expiresAt', 'pk', 'sk']);
      expect(JSON.stringify(item)).not.toMatch(/reg_|20\d\d-\d\d-\d\d/);
    }
  });

  it('reminds only those invited who have not answered, and campaigns can find them too', async () => {
    const preview = await api.call<{ recipients: number }>('POST', `/events/${eventId}/campaigns/preview`, {
      as: 'organisers',
      body: {
        subject: 'Last call',
        text: 'Hello {{name}}',
        audience: { status: ['attended'], surveyResponded: false },
      },
    });
    expect(preview).toMatchObject({ status: 200, body: { recipients: 7 } });

    await stack.advanceClock(new Date(dayAfter(event, 3, '12:00').getTime() + 60_000));
    for (const [i, d] of delegates.entries()) {
      const subjects = (await surveyMails(d.email)).map((m) => m.subject);
      if (i < 5) expect(subjects).toHaveLength(1);
      else if (i < 12)
        expect(subjects).toEqual([expect.any(String), `Reminder: your feedback on ${event.title}`]);
      else expect(subjects).toEqual([]);
    }
  });

  it('keeps the questions once invitations have gone (409), and invites nobody twice when the time moves', async () => {
    const changed = {
      survey: {
        ...survey,
        questions: survey.questions.map((q) => (q.id === 'recommend' ? { ...q, kind: 'rating' } : q)),
      },
    };
    const refused = await api.call('PATCH', `/events/${eventId}`, { body: changed, as: 'organisers' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'survey_started' } } });

    // The same questions, both mails moved later (the close stays on day 8): allowed; when they fire
    // again they find every delegate's mail recorded and send nothing new.
    const later = {
      survey: { ...survey, daysAfter: 5, closesAfterDays: 3, reminder: { daysAfter: 6, at: '12:00' } },
    };
    expect((await api.call('PATCH', `/events/${eventId}`, { body: later, as: 'organisers' })).status).toBe(
      200,
    );
    await stack.settle();
    expect(surveySchedules(eventId).map((s) => s.dueAt)).toEqual([
      dayAfter(event, 5, '09:00').toISOString(),
      dayAfter(event, 6, '12:00').toISOString(),
    ]);
    await stack.advanceClock(new Date(dayAfter(event, 6, '12:00').getTime() + 60_000));
    for (const [i, d] of delegates.entries()) {
      expect(await surveyMails(d.email)).toHaveLength(i < 5 ? 1 : i < 12 ? 2 : 0);
    }
  });

  it('keeps the anonymous answers in the results when a delegate who answered is erased', async () => {
    const before = await results(eventId);
    const erased = await api.call(
      'DELETE',
      `/events/${eventId}/registrations/${delegates[0]!.registrationId}`,
      {
        as: 'organisers',
      },
    );
    expect(erased.status).toBe(204);
    const after = await results(eventId);
    expect(after.body).toEqual(before.body);
    const token = tokens.get(delegates[0]!.registrationId)!;
    expect((await api.call('GET', `/surveys/${token}`)).status).toBe(404);
  });

  it('closes after closesAfterDays: 410 for reading and answering', async () => {
    const token = tokens.get(delegates[6]!.registrationId)!;
    await stack.advanceClock(new Date(dayAfter(event, 8, '09:00').getTime() + 60_000));
    expect((await api.call('GET', `/surveys/${token}`)).status).toBe(410);
    expect(await answer(token, { overall: 4 })).toMatchObject({
      status: 410,
      body: { error: { code: 'survey_closed' } },
    });
    expect((await results(eventId)).body).toMatchObject({ responded: 5 });
  });
});

describe('a survey where no one was checked in', () => {
  it('invites every confirmed delegate, not those waiting or cancelled', async () => {
    const event = surveyedEvent({ capacity: 3 });
    const eventId = await publishedEvent(stack, api, event);
    const people = ['a', 'b', 'c', 'd', 'e'].map((label) => ({ label, email: emailFor(label) }));
    for (const p of people) await register(eventId, p.label, p.email);
    await stack.settle();
    // a, b and c confirmed; d and e wait; c cancels, so d is promoted.
    const { token } = manageLinkIn((await stack.ses.mail(people[2]!.email))[0]?.body.text ?? '');
    const c = manageLinkIn((await stack.ses.mail(people[2]!.email))[0]?.body.text ?? '').registrationId;
    expect((await api.call('POST', `/registrations/${c}/cancel`, { body: { token } })).status).toBe(202);
    await stack.settle();

    await stack.advanceClock(new Date(dayAfter(event, 1, '09:00').getTime() + 60_000));
    const invited = [];
    for (const p of people) if ((await surveyMails(p.email)).length > 0) invited.push(p.label);
    expect(invited).toEqual(['a', 'b', 'd']);

    // A check-in recorded after the invitation changes nothing: the reminder goes to those invited.
    const a = manageLinkIn((await stack.ses.mail(people[0]!.email))[0]?.body.text ?? '').registrationId;
    await checkIn(eventId, a);
    await stack.advanceClock(new Date(dayAfter(event, 3, '12:00').getTime() + 60_000));
    const reminded = [];
    for (const p of people)
      if ((await surveyMails(p.email)).some((m) => m.subject.startsWith('Reminder'))) reminded.push(p.label);
    expect(reminded).toEqual(['a', 'b', 'd']);
  });
});

describe('survey schedules follow the event', () => {
  it('move when the event moves, go when a step is removed or the event cancelled', async () => {
    const event = surveyedEvent();
    const eventId = await publishedEvent(stack, api, event);
    const later = DateTime.fromISO(event.startsAt).plus({ days: 7 });
    const patch = {
      startsAt: later.toFormat("yyyy-MM-dd'T'HH:mm"),
      endsAt: `${later.toFormat('yyyy-MM-dd')}T16:30`,
      sessions: [],
    };
    expect((await api.call('PATCH', `/events/${eventId}`, { body: patch, as: 'organisers' })).status).toBe(
      200,
    );
    await stack.settle();
    const moved = { ...event, startsAt: patch.startsAt };
    expect(surveySchedules(eventId)).toEqual([
      { name: `srv-${eventId}-invitation`, dueAt: dayAfter(moved, 1, '09:00').toISOString() },
      { name: `srv-${eventId}-reminder`, dueAt: dayAfter(moved, 3, '12:00').toISOString() },
    ]);

    const noReminder = { survey: { ...survey, reminder: undefined } };
    delete noReminder.survey.reminder;
    expect(
      (await api.call('PATCH', `/events/${eventId}`, { body: noReminder, as: 'organisers' })).status,
    ).toBe(200);
    await stack.settle();
    expect(surveySchedules(eventId).map((s) => s.name)).toEqual([`srv-${eventId}-invitation`]);

    expect((await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' })).status).toBe(200);
    await stack.settle();
    expect(surveySchedules(eventId)).toEqual([]);
  });

  it('refuses an invitation time before the event ends (400)', async () => {
    const body = { ...smallConference(stack.clock.now()), survey: { ...survey, daysAfter: 0, at: '12:00' } };
    const refused = await api.call<{ error: { details: { path: string }[] } }>('POST', '/events', {
      body,
      as: 'organisers',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d) => d.path)).toEqual(['survey.at']);
  });

  it('answers 404 for results of an event without a survey', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    expect((await results(eventId)).status).toBe(404);
  });
});
