import { describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { unsubscribeForm } from '../../../shared/api/delivery-schemas';
import { httpContract, type HttpEvent } from '../../../shared/http/http-contract';
import { json, type HttpResult } from '../../../shared/http/respond';
import { asRoute } from '../../support/route-audience';

type Event = HttpEvent<typeof unsubscribeForm>;

const handler = asRoute({ auth: 'public' }, () =>
  middy<Event, HttpResult>()
    .use(httpContract({ body: unsubscribeForm, bodyEncoding: 'form' }))
    .handler(async ({ input }) => json(200, { fields: input.body })),
);

const post = async (body: string | undefined, contentType?: string, base64 = false) => {
  const event = {
    body: base64 && body !== undefined ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
    headers: contentType ? { 'content-type': contentType } : {},
    requestContext: {},
  } as unknown as APIGatewayProxyEventV2;
  const result = (await handler(event as Event, {} as never)) as HttpResult;
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
};

describe('a form-encoded body at the HTTP edge (RFC 8058 one-click)', () => {
  it('takes List-Unsubscribe=One-Click, form-encoded, also base64 as API Gateway may pass it', async () => {
    const form = 'application/x-www-form-urlencoded';
    expect(await post('List-Unsubscribe=One-Click', form)).toEqual({
      status: 200,
      body: { fields: { 'List-Unsubscribe': 'One-Click' } },
    });
    expect(await post('List-Unsubscribe=One-Click', `${form}; charset=UTF-8`, true)).toMatchObject({
      status: 200,
    });
  });

  it('takes no body at all, with or without a content type (a form button with no fields)', async () => {
    expect(await post(undefined)).toEqual({ status: 200, body: { fields: {} } });
    expect(await post('', 'application/x-www-form-urlencoded')).toEqual({
      status: 200,
      body: { fields: {} },
    });
  });

  it.each([
    ['an unknown field', 'List-Unsubscribe=One-Click&extra=1', 'application/x-www-form-urlencoded'],
    ['another value', 'List-Unsubscribe=Yes', 'application/x-www-form-urlencoded'],
    [
      'a field twice',
      'List-Unsubscribe=One-Click&List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
    ],
    ['JSON', '{"List-Unsubscribe":"One-Click"}', 'application/json'],
    ['fields without a content type', 'List-Unsubscribe=One-Click', undefined],
  ])('refuses %s with 400 in the error shape', async (_, body, type) => {
    const result = await post(body, type);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
