import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../../shared/zod';
import { conflict } from '../../shared/domain/errors';
import { httpContract, type HttpEvent } from '../../shared/http/http-contract';
import { publicContract } from '../../shared/http/public-contract';
import { json, type HttpResult } from '../../shared/http/respond';
import { asRoute } from '../support/route-audience';
import { startTestUserPool, type TestUserPool } from '../support/test-user-pool';

const body = z.strictObject({
  name: z.string().check(z.maxLength(5)),
  delegate: z.optional(z.strictObject({ email: z.email() })),
});

const handlerFor = (auth: 'public' | 'organisers' | 'comms', fail?: Error) =>
  asRoute({ auth }, () =>
    middy<HttpEvent<typeof body>, HttpResult>()
      .use(httpContract({ body }))
      .handler(async ({ input }) => {
        if (fail) throw fail;
        return json(200, { hello: input.body.name });
      }),
  );

/** As API Gateway passes a request on a route without an authoriser: the bearer token in the headers. */
const request = (raw: string | undefined, token?: string): APIGatewayProxyEventV2 =>
  ({
    body: raw,
    isBase64Encoded: false,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    requestContext: {},
  }) as unknown as APIGatewayProxyEventV2;

const call = async (handler: ReturnType<typeof handlerFor>, event: APIGatewayProxyEventV2) => {
  const result = (await handler(event as HttpEvent<typeof body>, {} as never)) as HttpResult;
  return {
    status: result.statusCode,
    body: JSON.parse(result.body ?? '{}') as Record<string, unknown>,
    headers: result.headers ?? {},
  };
};

describe('the HTTP edge', () => {
  let pool: TestUserPool;
  const tokenFor = (groups: string[]) => pool.sign({ 'cognito:groups': groups });
  beforeAll(async () => {
    pool = await startTestUserPool();
    pool.useAsEnvironment();
  });
  afterAll(() => pool.close());

  it('passes a valid body to the handler', async () => {
    expect(await call(handlerFor('public'), request('{"name":"Siân"}'))).toMatchObject({
      status: 200,
      body: { hello: 'Siân' },
    });
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const { status, body: b } = await call(handlerFor('public'), request('{"name":'));
    expect(status).toBe(400);
    expect(b).toEqual({
      error: { code: 'invalid_request', message: 'The body is not valid JSON.', details: [] },
    });
  });

  it('names each bad or unknown field in details', async () => {
    const { status, body: b } = await call(
      handlerFor('public'),
      request('{"name":"far too long","status":"confirmed","delegate":{"email":"nope","eventId":"x"}}'),
    );
    expect(status).toBe(400);
    const paths = (b.error as { details: { path: string }[] }).details.map((d) => d.path).sort();
    expect(paths).toEqual(['delegate.email', 'delegate.eventId', 'name', 'status']);
  });

  it('answers 404 for a path parameter too long to name anything, before it reaches the table', async () => {
    const token = await tokenFor(['organisers', 'team:north-west']);
    const named = (id: string) => ({ ...request('{"name":"Siân"}', token), pathParameters: { eventId: id } });
    const overlong = await call(handlerFor('organisers'), named('Ää😀'.repeat(60)));
    expect(overlong).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await call(handlerFor('public'), named('x'.repeat(401)))).toMatchObject({ status: 404 });
  });

  it('refuses a body over 16 KB before parsing it', async () => {
    const { status } = await call(
      handlerFor('public'),
      request(JSON.stringify({ name: 'x'.repeat(17_000) })),
    );
    expect(status).toBe(400);
  });

  it('answers 401 in the error shape without a token, or with one the user pool did not sign', async () => {
    const handler = handlerFor('organisers');
    const expired = await pool.sign({ exp: Math.floor(Date.now() / 1000) - 1 });
    for (const token of [undefined, 'not-a-token', expired]) {
      const response = await call(handler, request('{"name":"a"}', token));
      expect(response).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthorised', message: expect.any(String), details: [] } },
      });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('answers 403 for the wrong group, and lets the group in', async () => {
    const handler = handlerFor('organisers');
    expect(await call(handler, request('{"name":"a"}', await tokenFor(['comms'])))).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', details: [] } },
    });
    // A flattened "[organisers]" string is no group at all.
    const flattened = await pool.sign({ 'cognito:groups': '[organisers]' });
    expect((await call(handler, request('{"name":"a"}', flattened))).status).toBe(403);
    expect((await call(handler, request('{"name":"a"}', await tokenFor(['organisers'])))).status).toBe(200);
  });

  it('checks the caller before the body', async () => {
    expect((await call(handlerFor('organisers'), request('{"name":'))).status).toBe(401);
  });

  it('lets organisers use comms routes', async () => {
    const handler = handlerFor('comms');
    expect((await call(handler, request('{"name":"a"}', await tokenFor(['organisers'])))).status).toBe(200);
    expect((await call(handler, request('{"name":"a"}', await tokenFor(['comms'])))).status).toBe(200);
  });

  it('turns a domain conflict into 409 with its code', async () => {
    const { status, body: b } = await call(
      handlerFor('public', conflict('already_registered', 'Taken')),
      request('{"name":"a"}'),
    );
    expect(status).toBe(409);
    expect(b).toMatchObject({ error: { code: 'already_registered' } });
  });

  it('fails closed when the wiring gave the function no audience, or one that names no group', () => {
    const build = () => middy<HttpEvent<typeof body>, HttpResult>().use(httpContract({ body }));
    delete process.env.ROUTE_AUTH;
    expect(build).toThrow(/ROUTE_AUTH/);
    expect(() => asRoute({ auth: 'everyone' as 'public' }, build)).toThrow(/ROUTE_AUTH/);
    expect(() => asRoute({ auth: 'organisers', optionalCaller: 'comms' }, build)).toThrow(
      /ROUTE_OPTIONAL_CALLER/,
    );
  });

  it('a public route’s contract answers as the full one, and refuses a wiring that gives the route a caller', async () => {
    const build = () =>
      middy<HttpEvent<typeof body>, HttpResult>()
        .use(publicContract({ body }))
        .handler(async ({ input }) => json(200, { hello: input.body.name, caller: input.caller ?? null }));
    const handler = asRoute({ auth: 'public' }, build);
    const token = await tokenFor(['organisers']);
    expect(await call(handler, request('{"name":"Siân"}', token))).toMatchObject({
      status: 200,
      body: { hello: 'Siân', caller: null },
    });
    expect((await call(handler, request('{"name":"too long"}'))).status).toBe(400);
    expect(() => asRoute({ auth: 'organisers' }, build)).toThrow(/must use httpContract/);
    expect(() => asRoute({ auth: 'public', optionalCaller: 'organisers' }, build)).toThrow(
      /must use httpContract/,
    );
  });

  it('hides an unexpected error behind a 500 in the error shape', async () => {
    const { status, body: b } = await call(
      handlerFor('public', new Error('secret internals')),
      request('{"name":"a"}'),
    );
    expect(status).toBe(500);
    expect(JSON.stringify(b)).not.toContain('secret internals');
  });
});
