import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { ledgerRepository } from '../../shared/adapters/dynamo/ledger-repository';
import type { suppressionRepository } from '../../shared/adapters/dynamo/suppression-repository';
import type { unsubscribeUrl } from '../../shared/use-cases/delivery/unsubscribe-link';
import { registrationMessageKey } from '../../shared/domain/mail/send-request';
import { signToken } from '../../shared/domain/tokens';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

type Repositories = {
  ledger: typeof ledgerRepository;
  suppression: typeof suppressionRepository;
  unsubscribeUrl: typeof unsubscribeUrl;
};

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let repos: Repositories;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  // The adapters read the stack's environment when first loaded, so only once it runs.
  repos = {
    ledger: (await import('../../shared/adapters/dynamo/ledger-repository')).ledgerRepository,
    suppression: (await import('../../shared/adapters/dynamo/suppression-repository')).suppressionRepository,
    unsubscribeUrl: (await import('../../shared/use-cases/delivery/unsubscribe-link')).unsubscribeUrl,
  };
});
afterAll(async () => stack?.stop());

/** Registers and waits for the allocation and its mail; returns the registration id. */
const registered = async (eventId: string, email: string): Promise<string> => {
  const response = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });
  expect(response.status).toBe(202);
  await stack.settle();
  return response.body.registrationId;
};

/** The ledger entry of a registration's confirmation mail. */
const confirmationEntry = async (registrationId: string) => {
  const confirmed = stack.bus.archive.find(
    (e) =>
      e['detail-type'] === 'Registration Confirmed' &&
      (e.detail as { registrationId: string }).registrationId === registrationId,
  );
  const version = (confirmed?.detail as { version: number } | undefined)?.version ?? -1;
  const spec = { kind: 'registration', template: 'confirmed', registrationId, version } as const;
  return repos.ledger.find({ messageKey: registrationMessageKey(spec), recipientKey: registrationId });
};

const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';
const path = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`;
const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
const browser = { accept: 'text/html,application/xhtml+xml;q=0.9' };
/** The signed value of the unsubscribe page's form. */
const formTokenIn = (page: string): string =>
  /<input type="hidden" name="formToken" value="([\w.-]+)">/.exec(page)?.[1] ?? '';

describe('the unsubscribe link', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  });

  it('opens a page with a button and changes nothing (link scanners unsubscribe no one)', async () => {
    const email = uniqueEmail('scanned');
    const token = tokenOf(repos.unsubscribeUrl(await registered(eventId, email)));

    const page = await api.call<string>('GET', path(token));
    await api.call('GET', path(token));

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.body).toMatch(/<form method="post" action="\?token=[\w.%-]+" novalidate>/);
    expect(page.body).toMatch(/<input type="hidden" name="formToken" value="[\w.-]+">/);
    expect(page.body).toMatch(/<button type="submit"[^>]*>\s*Unsubscribe\s*<\/button>/);
    // The event the mail was about is named at the top, with a way back to its page.
    expect(page.body).toContain(
      '<title>Unsubscribe from event updates – Trust leaders day – Convene</title>',
    );
    expect(page.body).toContain(`href="/events/${eventId}"`);
    expect(await repos.suppression.blocked(email, 'campaign')).toBeUndefined();
  });

  it('unsubscribes from campaign mail on an RFC 8058 one-click POST, and again is the same', async () => {
    const email = uniqueEmail('oneclick');
    const token = tokenOf(repos.unsubscribeUrl(await registered(eventId, email)));

    const first = await api.call('POST', path(token), {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: oneClick,
    });
    const again = await api.call('POST', path(token), {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: oneClick,
    });

    expect(first).toMatchObject({ status: 200, body: { status: 'unsubscribed' } });
    expect(again).toMatchObject({ status: 200, body: { status: 'unsubscribed' } });
    expect(await repos.suppression.blocked(email, 'campaign')).toBe('unsubscribed');
    expect(await repos.suppression.blocked(email, 'transactional')).toBeUndefined();
  });

  it("unsubscribes on the page's button: its form value posted, answered with a page for a browser", async () => {
    const email = uniqueEmail('button');
    const token = tokenOf(repos.unsubscribeUrl(await registered(eventId, email)));
    const page = await api.call<string>('GET', path(token), { headers: browser });

    const done = await api.call<string>('POST', path(token), {
      headers: { ...oneClick, ...browser },
      rawBody: new URLSearchParams({ formToken: formTokenIn(page.body) }).toString(),
    });

    expect(done.status).toBe(200);
    expect(done.headers.get('content-type')).toMatch(/^text\/html/);
    expect(done.body).toMatch(/You are unsubscribed/);
    expect(await repos.suppression.blocked(email, 'campaign')).toBe('unsubscribed');
  });

  it.each([
    ['without the page’s form value', () => '', {}],
    ['with the form value of another link', (_own: string, other: string) => other, {}],
    ['from another site', (own: string) => own, { 'sec-fetch-site': 'cross-site' }],
  ])(
    'shows the page again from a browser post %s, and unsubscribes no one',
    async (_, pick: (own: string, other: string) => string, headers: Record<string, string>) => {
      const email = uniqueEmail('guarded');
      const token = tokenOf(repos.unsubscribeUrl(await registered(eventId, email)));
      const otherToken = tokenOf(repos.unsubscribeUrl(await registered(eventId, uniqueEmail('other'))));
      const formTokenOf = async (t: string) =>
        formTokenIn((await api.call<string>('GET', path(t), { headers: browser })).body);
      const formToken = pick(await formTokenOf(token), await formTokenOf(otherToken));

      const refused = await api.call<string>('POST', path(token), {
        headers: { ...oneClick, ...browser, ...headers },
        rawBody: formToken ? new URLSearchParams({ formToken }).toString() : '',
      });

      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
      expect(refused.body).toContain('The page was out of date. Select Unsubscribe again.');
      expect(refused.body).toMatch(/<button type="submit"[^>]*>\s*Unsubscribe\s*<\/button>/);
      expect(await repos.suppression.blocked(email, 'campaign')).toBeUndefined();
    },
  );

  it('still lets confirmations reach an unsubscribed delegate (transactional mail)', async () => {
    const email = uniqueEmail('stillconfirmed');
    const token = tokenOf(repos.unsubscribeUrl(await registered(eventId, email)));
    expect((await api.call('POST', path(token))).status).toBe(200);

    const other = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { title: 'Second day' }),
    );
    const second = await registered(other, email);

    expect((await api.call<{ status: string }>('GET', `/registrations/${second}`)).body.status).toBe(
      'confirmed',
    );
    expect((await stack.ses.mail(email)).map((m) => m.subject)).toEqual([
      expect.stringContaining('Trust leaders day'),
      expect.stringContaining('Second day'),
    ]);
    expect(await confirmationEntry(second)).toMatchObject({ status: 'sent' });
  });

  it('answers 200 and writes nothing for a registration erased since (no address is held)', async () => {
    const email = uniqueEmail('erased');
    const registrationId = await registered(eventId, email);
    const token = tokenOf(repos.unsubscribeUrl(registrationId));
    const erased = await api.call('DELETE', `/events/${eventId}/registrations/${registrationId}`, {
      as: 'organisers',
    });
    expect(erased.status).toBe(204);

    const result = await api.call('POST', path(token));

    expect(result).toMatchObject({ status: 200, body: { status: 'unsubscribed' } });
    expect(await repos.suppression.blocked(email, 'campaign')).toBeUndefined();
  });

  describe('refuses a bad link with a 4xx, never a 5xx, and writes nothing', () => {
    let email: string;
    let registrationId: string;
    let manageToken: string;
    beforeAll(async () => {
      email = uniqueEmail('badlinks');
      registrationId = await registered(eventId, email);
      manageToken = manageLinkIn((await stack.ses.mail(email))[0]?.body.text ?? '').token;
    });

    const key = () => stack.linkKey;
    const cases: [string, () => string, number, string][] = [
      ['malformed', () => 'not-a-token', 403, 'invalid_token'],
      ['over-long', () => 'a'.repeat(5000), 403, 'invalid_token'],
      [
        'signed with another key',
        () => signToken('another key', 'unsubscribe', registrationId, new Date(Date.now() + 9e9)),
        403,
        'invalid_token',
      ],
      ["the manage link's token", () => manageToken, 403, 'invalid_token'],
      [
        'for another registration, its signature kept',
        () => {
          const [body, signature] = tokenOf(repos.unsubscribeUrl(registrationId)).split('.');
          const payload = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as { s: string };
          const forged = Buffer.from(JSON.stringify({ ...payload, s: 'reg_someoneelse' })).toString(
            'base64url',
          );
          return `${forged}.${signature}`;
        },
        403,
        'invalid_token',
      ],
      [
        'expired',
        () => signToken(key(), 'unsubscribe', registrationId, new Date(stack.clock.nowMs() - 1000)),
        410,
        'link_expired',
      ],
    ];

    it.each(cases)('%s: POST answers in the error shape', async (_, token, status, code) => {
      const result = await api.call('POST', path(token()), {
        rawBody: 'List-Unsubscribe=One-Click',
        headers: oneClick,
      });
      expect(result).toMatchObject({ status, body: { error: { code } } });
      expect(await repos.suppression.blocked(email, 'campaign')).toBeUndefined();
    });

    it.each(cases)('%s: GET answers with a page saying so', async (_, token, status) => {
      const page = await api.call<string>('GET', path(token()));
      expect(page.status).toBe(status);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.body).not.toMatch(/<form/);
    });

    it('without a token: 400, for GET and POST', async () => {
      expect((await api.call('GET', '/unsubscribe')).status).toBe(400);
      expect(await api.call('POST', '/unsubscribe')).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_request' } },
      });
    });

    it('with a body other than the one-click form or none: 400', async () => {
      const token = tokenOf(repos.unsubscribeUrl(registrationId));
      for (const [rawBody, type] of [
        ['List-Unsubscribe=Yes', oneClick['content-type']],
        ['List-Unsubscribe=One-Click&also=1', oneClick['content-type']],
        ['{"List-Unsubscribe":"One-Click"}', 'application/json'],
      ] as const) {
        const result = await api.call('POST', path(token), { rawBody, headers: { 'content-type': type } });
        expect(result).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
      }
      expect(await repos.suppression.blocked(email, 'campaign')).toBeUndefined();
    });
  });
});

describe('SES feedback and the suppression list', () => {
  it.each([
    ['a permanent bounce', 'bounce+regs@simulator.amazonses.com', 'Email Bounced'],
    ['a complaint', 'complaint+regs@simulator.amazonses.com', 'Email Complaint Received'],
  ])('after %s the address gets no mail of any kind, counted suppressed', async (_, address, detailType) => {
    // Arrange: the first confirmation goes out, and SES reports back on it.
    const first = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { title: 'First day' }),
    );
    const firstId = await registered(first, address);
    expect(await stack.ses.mail(address)).toHaveLength(1);
    expect(stack.bus.archive.some((e) => e.source === 'aws.ses' && e['detail-type'] === detailType)).toBe(
      true,
    );
    expect(await repos.suppression.blocked(address, 'transactional')).toBe('suppressed');
    expect(await confirmationEntry(firstId)).toMatchObject({ status: 'sent' });

    // Act: the same address registers for another event.
    const second = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { title: 'Second day' }),
    );
    const secondId = await registered(second, address.toUpperCase());

    // Assert: the place is confirmed, but no mail is sent and the ledger says why.
    expect((await api.call<{ status: string }>('GET', `/registrations/${secondId}`)).body.status).toBe(
      'confirmed',
    );
    expect(await stack.ses.mail(address)).toHaveLength(1);
    expect(await confirmationEntry(secondId)).toMatchObject({ status: 'suppressed' });
  });

  it("settles every ordinary send from SES's Send event too, with SES's message id", async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = uniqueEmail('ordinary');
    const registrationId = await registered(eventId, email);

    const [mail] = await stack.ses.mail(email);
    const sent = stack.bus.archive.filter(
      (e) =>
        e.source === 'aws.ses' &&
        e['detail-type'] === 'Email Sent' &&
        (e.detail as { mail: { messageId: string } }).mail.messageId === mail?.messageId,
    );
    expect(sent).toHaveLength(1);
    // The archive keeps SES's events without the addresses (shared/domain/gdpr/archive-policy.ts).
    expect(sent[0]?.detail).toMatchObject({
      eventType: 'Send',
      mail: { tags: { 'ses:configuration-set': [`convene-${stack.resources.stage}`] } },
    });
    expect(JSON.stringify(sent[0])).not.toContain(email);
    expect(await confirmationEntry(registrationId)).toMatchObject({
      status: 'sent',
      sesMessageId: mail?.messageId,
      attempts: 1,
    });
    expect(await repos.suppression.blocked(email, 'transactional')).toBeUndefined();
  });

  it('leaves an entry already sent alone when the Send event comes again', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = uniqueEmail('again');
    const registrationId = await registered(eventId, email);
    const before = await confirmationEntry(registrationId);
    const [mail] = await stack.ses.mail(email);
    const archived = stack.bus.archive.find(
      (e) =>
        e['detail-type'] === 'Email Sent' &&
        (e.detail as { mail: { messageId: string } }).mail.messageId === mail?.messageId,
    );
    // The archive's copy has no address; SES's event as the rule delivered it had one.
    const detail = archived?.detail as { mail: Record<string, unknown> };
    const sent = { ...archived, detail: { ...detail, mail: { ...detail.mail, destination: [email] } } };

    await stack.runtime.invoke('settleSentMail', sent);
    await stack.runtime.invoke('settleSentMail', sent);

    expect(await confirmationEntry(registrationId)).toEqual(before);
  });
});
