import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CancellationRequested, RegistrationRequested } from '../../events';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack, type ApiResponse } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

/**
 * Bad input on every public route (API.md, "Errors"): a 4xx in the error shape, never a 5xx, and a
 * refused request stores nothing, asks the bus for nothing and sends no mail.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;
/** One confirmed delegate, so cancellation has something that bad input must leave alone. */
let delegate: { registrationId: string; token: string };

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  const email = uniqueEmail('kept');
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Kept Delegate', email, sessions: ['keynote', 'ws-a'] },
  });
  if (accepted.status !== 202) throw new Error(`setup registration failed ${accepted.status}`);
  await stack.settle();
  delegate = manageLinkIn((await stack.ses.mail(email))[0]?.body.text ?? '');
}, 60_000);
afterAll(async () => stack?.stop());

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

interface Send {
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

/** What a refused request must not change: requests on the bus, the organisers' list, the mail store. */
const observable = async () => {
  const list = await api.call('GET', `/events/${eventId}/registrations`, { as: 'organisers' });
  expect(list.status).toBe(200);
  return {
    requests: stack.bus.archive.filter((e) =>
      [RegistrationRequested.detailType, CancellationRequested.detailType].includes(e['detail-type']),
    ).length,
    registrations: list.body,
    mail: (await stack.ses.mail()).length,
  };
};

/** Sends the request and checks that, once everything has settled, nothing was stored or sent. */
const refused = async (method: string, path: string, send?: Send): Promise<ApiResponse<ErrorBody>> => {
  const before = await observable();
  const response = await api.call<ErrorBody>(method, path, send);
  await stack.settle();
  expect(await observable()).toEqual(before);
  return response;
};

/** API.md's error shape exactly: `{ error: { code, message, details: [{ path, message }] } }`. */
const expectError = (response: ApiResponse<ErrorBody>, status: number, code: string): void => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    error: { code, message: expect.stringMatching(/\S/), details: expect.any(Array) },
  });
  for (const detail of response.body.error.details) {
    expect(detail).toEqual({ path: expect.any(String), message: expect.stringMatching(/\S/) });
  }
};

/** A 400 invalid_request whose details name exactly these field paths (none: the body as a whole). */
const expectInvalid = (response: ApiResponse<ErrorBody>, fields: readonly string[]): void => {
  expectError(response, 400, 'invalid_request');
  const named = [...new Set(response.body.error.details.map((d) => d.path))].sort();
  expect(named).toEqual([...fields].sort());
};

const valid = () => ({ name: 'Eve Adams', email: uniqueEmail('eve') });

describe('POST /events/{eventId}/registrations refuses bad bodies', () => {
  it.each<[string, Send, string[]]>([
    ['malformed JSON', { rawBody: '{"name": "Eve", "email":' }, []],
    ['an empty body', { rawBody: '' }, []],
    ['a body of spaces', { rawBody: '   \r\n ' }, []],
    ['JSON null', { rawBody: 'null' }, ['']],
    ['a JSON array', { body: [{ name: 'Eve', email: 'eve@school.example.org' }] }, ['']],
    ['a JSON string', { body: 'Eve Adams <eve@school.example.org>' }, ['']],
    ['a JSON number', { body: 42 }, ['']],
    ['an empty object', { body: {} }, ['name', 'email']],
    ['name as a number', { body: { ...valid(), name: 5 } }, ['name']],
    ['email as a boolean', { body: { ...valid(), email: true } }, ['email']],
    ['sessions as a string', { body: { ...valid(), sessions: 'ws-a' } }, ['sessions']],
    ['a session id as a number', { body: { ...valid(), sessions: [5] } }, ['sessions.0']],
    ['consent as a string', { body: { ...valid(), consent: 'yes' } }, ['consent']],
    [
      'consent.updates as a string',
      { body: { ...valid(), consent: { updates: 'yes' } } },
      ['consent.updates'],
    ],
    [
      'an unknown field in consent',
      { body: { ...valid(), consent: { updates: true, all: true } } },
      ['consent.all'],
    ],
    ['the unknown field status', { body: { ...valid(), status: 'confirmed' } }, ['status']],
    ['the unknown field eventId', { body: { ...valid(), eventId: 'evt_other' } }, ['eventId']],
    [
      'the unknown field registrationId',
      { body: { ...valid(), registrationId: 'reg_mine' } },
      ['registrationId'],
    ],
    [
      'an own __proto__ field',
      { rawBody: `{"name":"Eve","email":"${uniqueEmail('proto')}","__proto__":{"status":"confirmed"}}` },
      ['__proto__'],
    ],
    ['a name of 201 characters', { body: { ...valid(), name: 'N'.repeat(201) } }, ['name']],
    ['a blank name', { body: { ...valid(), name: '   ' } }, ['name']],
    ['CR/LF in the name', { body: { ...valid(), name: 'Eve\r\nBcc: x@y.z' } }, ['name']],
    ['a bare LF in the name', { body: { ...valid(), name: 'Eve\nAdams' } }, ['name']],
    ['a Unicode line separator in the name', { body: { ...valid(), name: 'Eve\u2028Adams' } }, ['name']],
    ['a NUL in the name', { body: { ...valid(), name: 'Eve\u0000Adams' } }, ['name']],
    ['a script tag in the name', { body: { ...valid(), name: '<script>alert(1)</script>' } }, ['name']],
    ['an img tag in the name', { body: { ...valid(), name: 'Eve <img src=x onerror=alert(1)>' } }, ['name']],
    [
      'CR/LF in the organisation',
      { body: { ...valid(), organisation: 'Oak\r\nBcc: x@y.z' } },
      ['organisation'],
    ],
    ['CR/LF in the role', { body: { ...valid(), role: 'Head\r\nBcc: x@y.z' } }, ['role']],
    ['an email without @', { body: { ...valid(), email: 'eve.school.example.org' } }, ['email']],
    [
      'CR/LF in the email',
      { body: { ...valid(), email: 'eve@school.example.org\r\nBcc: x@y.z' } },
      ['email'],
    ],
    [
      'two addresses in the email',
      { body: { ...valid(), email: 'eve@school.example.org, x@y.z' } },
      ['email'],
    ],
    [
      'an email of 255 characters',
      { body: { ...valid(), email: `${'e'.repeat(240)}@example.org.uk` } },
      ['email'],
    ],
    [
      'access needs of 1,001 characters',
      { body: { ...valid(), accessNeeds: 'a'.repeat(1001) } },
      ['accessNeeds'],
    ],
    ['dietary of 501 characters', { body: { ...valid(), dietary: 'd'.repeat(501) } }, ['dietary']],
    [
      'a display name in the email',
      { body: { ...valid(), email: 'Eve Adams <eve@school.example.org>' } },
      ['email'],
    ],
    [
      'deeply nested JSON in the name',
      { rawBody: `{"name":${'['.repeat(5_000)}${']'.repeat(5_000)},"email":"eve@school.example.org"}` },
      ['name'],
    ],
    [
      '41 sessions',
      { body: { ...valid(), sessions: Array.from({ length: 41 }, (_, i) => `ws-${i}`) } },
      ['sessions'],
    ],
    ['a session id with a slash', { body: { ...valid(), sessions: ['../ws-a'] } }, ['sessions.0']],
    // Checked against the event rather than the schema, still before anything is stored.
    ['a session not in the event', { body: { ...valid(), sessions: ['ws-z'] } }, ['sessions.0']],
    ['a session named __proto__', { body: { ...valid(), sessions: ['__proto__'] } }, ['sessions.0']],
    ['the same session twice', { body: { ...valid(), sessions: ['ws-a', 'ws-a'] } }, ['sessions.1']],
    ['two sessions at the same time', { body: { ...valid(), sessions: ['ws-a', 'ws-b'] } }, ['sessions']],
  ])('%s: 400 invalid_request', async (_label, send, fields) => {
    expectInvalid(await refused('POST', `/events/${eventId}/registrations`, send), fields);
  });

  // The 16 KB limit is on the raw body, before parsing: a body that is otherwise valid is refused too.
  it.each<[string, () => string]>([
    [
      'access needs of 17,000 characters',
      () => JSON.stringify({ ...valid(), accessNeeds: 'a'.repeat(17_000) }),
    ],
    ['a valid body padded with 17,000 spaces', () => JSON.stringify(valid()) + ' '.repeat(17_000)],
    ['a name of 17,000 characters', () => JSON.stringify({ ...valid(), name: 'N'.repeat(17_000) })],
    [
      'a body over 16 KB in bytes though under 16 K characters',
      () =>
        JSON.stringify({ ...valid(), accessNeeds: '\u00e9'.repeat(900), dietary: '\u20ac'.repeat(5_000) }),
    ],
  ])('%s: 400 before parsing', async (_label, rawBody) => {
    const body = rawBody();
    expect(Buffer.byteLength(body, 'utf8')).toBeGreaterThan(16 * 1024);
    expectInvalid(await refused('POST', `/events/${eventId}/registrations`, { rawBody: body }), []);
  });

  it('refuses a body sent without a JSON content type like any other bad body', async () => {
    const response = await refused('POST', `/events/${eventId}/registrations`, {
      rawBody: 'name=Eve&email=eve%40school.example.org',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectInvalid(response, []);
  });
});

describe('POST /events/{eventId}/registrations refuses bad and unknown event ids', () => {
  it.each([
    ['an id with spaces', '/events/evt%20with%20spaces/registrations'],
    ['an encoded path traversal', '/events/..%2F..%2Fevents/registrations'],
    ['an id of 65 characters', `/events/${'e'.repeat(65)}/registrations`],
  ])('%s: 400 naming eventId', async (_label, path) => {
    expectInvalid(await refused('POST', path, { body: valid() }), ['eventId']);
  });

  it('answers 404 for an event that does not exist', async () => {
    expectError(
      await refused('POST', '/events/evt_doesnotexist/registrations', { body: valid() }),
      404,
      'not_found',
    );
  });
});

describe('GET /registrations/{registrationId} refuses bad and unknown ids', () => {
  it.each([
    ['an encoded path traversal', '/registrations/..%2F..'],
    ['an id with spaces', '/registrations/reg%20with%20spaces'],
    ['an id with a quote and angle brackets', '/registrations/%22%3Cscript%3E'],
    ['an id of 65 characters', `/registrations/${'r'.repeat(65)}`],
  ])('%s: 400 naming registrationId', async (_label, path) => {
    expectInvalid(await refused('GET', path), ['registrationId']);
  });

  // Ids that name Object.prototype members must not find anything through a plain-object lookup.
  it.each(['reg_doesnotexist', '__proto__', 'constructor', 'toString'])(
    'answers 404 not_found for %s',
    async (id) => {
      expectError(await refused('GET', `/registrations/${id}`), 404, 'not_found');
    },
  );
});

describe('GET /events/{eventId} refuses bad and unknown ids', () => {
  it.each([
    ['an encoded path traversal', '/events/..%2F..'],
    ['an id with spaces', '/events/evt%20with%20spaces'],
    ['an id of 65 characters', `/events/${'e'.repeat(65)}`],
  ])('%s: 400 naming eventId', async (_label, path) => {
    expectInvalid(await refused('GET', path), ['eventId']);
  });

  it.each(['evt_doesnotexist', '__proto__', 'constructor', 'toString'])(
    'answers 404 not_found for %s',
    async (id) => {
      expectError(await refused('GET', `/events/${id}`), 404, 'not_found');
    },
  );
});

describe('POST /registrations/{registrationId}/cancel refuses bad bodies and tokens', () => {
  const cancelPath = () => `/registrations/${delegate.registrationId}/cancel`;

  it.each<[string, () => Send, string[]]>([
    ['malformed JSON', () => ({ rawBody: '{"token":' }), []],
    ['an empty body', () => ({ rawBody: '' }), []],
    ['a JSON array', () => ({ body: [delegate.token] }), ['']],
    ['a missing token', () => ({ body: {} }), ['token']],
    ['an empty token', () => ({ body: { token: '' } }), ['token']],
    ['a token as a number', () => ({ body: { token: 5 } }), ['token']],
    ['a token of 5,000 characters', () => ({ body: { token: 't'.repeat(5_000) } }), ['token']],
    // The right token does not make an unknown field acceptable.
    [
      'the unknown field status',
      () => ({ body: { token: delegate.token, status: 'cancelled' } }),
      ['status'],
    ],
    [
      'the unknown field registrationId',
      () => ({ body: { token: delegate.token, registrationId: 'reg_other' } }),
      ['registrationId'],
    ],
  ])('%s: 400 invalid_request', async (_label, send, fields) => {
    expectInvalid(await refused('POST', cancelPath(), send()), fields);
  });

  it.each<[string, () => string]>([
    ['a token that is not one', () => 'not-a-token'],
    ['a token with a forged signature', () => `${delegate.token.split('.')[0]}.${'A'.repeat(43)}`],
    ['a token of CR/LF and HTML', () => 'a.b\r\n<script>alert(1)</script>'],
  ])('%s: 403 invalid_token', async (_label, token) => {
    expectError(await refused('POST', cancelPath(), { body: { token: token() } }), 403, 'invalid_token');
  });

  it('answers 403 for a real token used on a registration that does not exist', async () => {
    const response = await refused('POST', '/registrations/reg_doesnotexist/cancel', {
      body: { token: delegate.token },
    });
    expectError(response, 403, 'invalid_token');
  });

  it.each([
    ['an encoded path traversal', '/registrations/..%2F../cancel'],
    ['an id with spaces', '/registrations/reg%20with%20spaces/cancel'],
  ])('%s: 400 naming registrationId', async (_label, path) => {
    expectInvalid(await refused('POST', path, { body: { token: delegate.token } }), ['registrationId']);
  });

  it('leaves the delegate confirmed after all of the above', async () => {
    const shown = await api.call<{ status: string }>('GET', `/registrations/${delegate.registrationId}`);
    expect(shown).toMatchObject({ status: 200, body: { status: 'confirmed' } });
  });
});

describe('malformed percent-encoding in a path id', () => {
  // A malformed escape such as `%` or `%E0%A4%A` once made the local API answer 500 (API.md: never).
  it.each<[string, string, string]>([
    ['GET', '/registrations/%', 'registrationId'],
    ['GET', '/events/%ZZ', 'eventId'],
    ['POST', '/events/%E0%A4%A/registrations', 'eventId'],
    ['POST', '/registrations/%/cancel', 'registrationId'],
  ])('%s %s: 400 invalid_request, not a 500', async (method, path, field) => {
    const send =
      method === 'POST' ? { body: path.endsWith('/cancel') ? { token: delegate.token } : valid() } : {};
    const response = await refused(method, path, send);
    expectError(response, 400, 'invalid_request');
    // Either the local API refuses the path itself (no details) or the handler names the field.
    expect(response.body.error.details.every((d) => d.path === field)).toBe(true);
  });
});

describe('a refused registration claims nothing', () => {
  it('leaves its email free for a valid registration afterwards', async () => {
    // Arrange: an event of its own, so the list compared above stays as it was.
    const otherEvent = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = uniqueEmail('later');
    const bad = await api.call<ErrorBody>('POST', `/events/${otherEvent}/registrations`, {
      body: { name: 'Eve\r\nBcc: x@y.z', email },
    });
    expectInvalid(bad, ['name']);

    // Act
    const good = await api.call<{ registrationId: string }>('POST', `/events/${otherEvent}/registrations`, {
      body: { name: 'Eve Adams', email },
    });
    await stack.settle();

    // Assert
    expect(good.status).toBe(202);
    const shown = await api.call<{ status: string }>('GET', `/registrations/${good.body.registrationId}`);
    expect(shown.body.status).toBe('confirmed');
    expect(await stack.ses.mail(email)).toHaveLength(1);
  });
});
