import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const survey: NonNullable<CreateEventRequest['survey']> = {
  daysAfter: 1,
  at: '09:00',
  closesAfterDays: 7,
  questions: [
    { id: 'overall', kind: 'rating', prompt: 'How was the day overall?', required: true },
    { id: 'recommend', kind: 'nps', prompt: 'Would you recommend it to a colleague?' },
    { id: 'best', kind: 'choice', prompt: 'Best part?', options: ['Keynote', 'Workshops'] },
    { id: 'comments', kind: 'text', prompt: 'Anything else?' },
  ],
};

const browser = { accept: 'text/html,application/xhtml+xml;q=0.9' };
const formEncoded = { 'content-type': 'application/x-www-form-urlencoded' };

/** The signed value of a page's form. */
const formTokenIn = (page: string): string =>
  /<input type="hidden" name="formToken" value="([\w.-]+)">/.exec(page)?.[1] ?? '';

const openPage = (token: string, query = '') =>
  api.call<string>('GET', `/surveys/${token}${query}`, { headers: browser });

/** The survey form posted as a browser posts it. */
const post = (token: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  api.call<string>('POST', `/surveys/${token}`, {
    headers: { ...formEncoded, ...browser, ...headers },
    rawBody: new URLSearchParams(fields).toString(),
  });

const answered = async (token: string) =>
  (await api.call<{ answered: boolean }>('GET', `/surveys/${token}`)).body.answered;

describe('the survey page, for a delegate in a browser', () => {
  let event: CreateEventRequest;
  let eventId: string;
  const tokens: string[] = [];
  const responded = async () =>
    (await api.call<{ responded: number }>('GET', `/events/${eventId}/survey-results`, { as: 'organisers' }))
      .body.responded;

  beforeAll(async () => {
    event = { ...smallConference(stack.clock.now()), survey };
    eventId = await publishedEvent(stack, api, event);
    const emails = [1, 2, 3, 4].map((i) => uniqueEmail(`survey-page-${i}`));
    for (const email of emails) {
      const registered = await api.call('POST', `/events/${eventId}/registrations`, {
        body: { name: 'Delegate', email },
      });
      expect(registered.status).toBe(202);
    }
    await stack.settle();
    const invitation = DateTime.fromISO(`${event.startsAt.slice(0, 10)}T09:05`, { zone: 'Europe/London' })
      .plus({ days: 1 })
      .toJSDate();
    await stack.advanceClock(invitation);
    for (const email of emails) {
      const mail = (await stack.ses.mail(email)).find((m) => /feedback/i.test(m.subject));
      tokens.push(/\/surveys\/([\w.-]+)/.exec(mail?.body.text ?? '')?.[1] ?? '');
    }
    expect(tokens.every((t) => t !== '')).toBe(true);
  });

  it('shows the questions as a form to a browser, and the same JSON as before to everything else', async () => {
    const page = await openPage(tokens[0]!);
    const json = await api.call<{ eventTitle: string }>('GET', `/surveys/${tokens[0]}`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.body).toContain('<title>Give feedback – Trust leaders day – Convene</title>');
    expect(page.body).toContain('5 – Excellent');
    expect(page.body).toContain('10 – Extremely likely');
    expect(page.body).toContain('You can enter up to 2,000 characters');
    expect(formTokenIn(page.body)).not.toBe('');
    expect(json).toMatchObject({ status: 200, body: { eventTitle: 'Trust leaders day', answered: false } });
  });

  it('shows the errors beside the questions with the answers kept, and stores nothing', async () => {
    const formToken = formTokenIn((await openPage(tokens[0]!)).body);

    const missing = await post(tokens[0]!, {
      formToken,
      'answers.recommend': '8',
      'answers.comments': 'Good coffee',
    });
    const tooLong = await post(tokens[0]!, {
      formToken,
      'answers.overall': '4',
      'answers.comments': 'x'.repeat(2001),
    });

    expect(missing.status).toBe(400);
    expect(missing.body).toContain('<title>Error: Give feedback');
    expect(missing.body).toMatch(/govuk-error-summary[\s\S]*href="#answers-overall"/);
    expect(missing.body).toContain('Select an answer to ‘How was the day overall?’');
    expect(missing.body).toMatch(/value="8" checked/);
    expect(missing.body).toContain('>Good coffee</textarea>');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toContain('Your answer to ‘Anything else?’ must be 2,000 characters or less');
    expect(tooLong.body).toMatch(/value="4" checked/);
    expect(await answered(tokens[0]!)).toBe(false);
    expect(await responded()).toBe(0);
  });

  it.each([
    ['without the page’s form value', () => '', {}],
    ['with the form value of another delegate’s link', (_own: string, other: string) => other, {}],
    ['from another site', (own: string) => own, { 'sec-fetch-site': 'cross-site' }],
  ])(
    'asks again for a post %s, answers kept, and stores nothing',
    async (_, pick: (own: string, other: string) => string, headers: Record<string, string>) => {
      const own = formTokenIn((await openPage(tokens[1]!)).body);
      const other = formTokenIn((await openPage(tokens[2]!)).body);
      const fields: Record<string, string> = { 'answers.overall': '5' };
      const formToken = pick(own, other);
      if (formToken) fields.formToken = formToken;

      const refused = await post(tokens[1]!, fields, headers);

      expect(refused.status).toBe(400);
      expect(refused.body).toContain('The form was out of date. Check your answers and send them again.');
      expect(refused.body).toMatch(/value="5" checked/);
      expect(await answered(tokens[1]!)).toBe(false);
    },
  );

  it('keeps the answers once, thanks the delegate, then says "already answered"', async () => {
    const formToken = formTokenIn((await openPage(tokens[0]!)).body);
    const fields = { formToken, 'answers.overall': '5', 'answers.best': 'Workshops' };

    // POST/redirect/GET: the redirect itself, not followed.
    const sent = await fetch(`${stack.url}/surveys/${tokens[0]}`, {
      method: 'POST',
      headers: { ...formEncoded, ...browser },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    const again = await post(tokens[0]!, fields);

    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/surveys/${tokens[0]}?sent=1`);
    const thanks = await openPage(tokens[0]!, '?sent=1');
    expect(thanks.body).toMatch(/govuk-panel--confirmation[\s\S]*Thank you for your feedback/);
    expect((await openPage(tokens[0]!)).body).toContain('You have already answered this survey');
    expect(again.status).toBe(409);
    expect(again.body).toContain('You have already answered this survey');
    expect(await responded()).toBe(1);
  });

  it('answers a link that does not work with a page in words, and a post to it stores nothing', async () => {
    const bad = `${tokens[3]!.split('.')[0]}.${'A'.repeat(43)}`;

    const page = await openPage(bad);
    const posted = await post(bad, { formToken: 'x', 'answers.overall': '3' });

    expect(page.status).toBe(403);
    expect(page.body).toContain('This link does not work');
    expect(page.body).not.toContain('"error"');
    expect(posted.status).toBe(403);
    expect(posted.body).toContain('This link does not work');
    expect(await responded()).toBe(1);
  });

  it('says the survey has closed once it has, for the form and for its post', async () => {
    const formToken = formTokenIn((await openPage(tokens[3]!)).body);
    const closesAt = DateTime.fromISO(`${event.startsAt.slice(0, 10)}T09:00`, { zone: 'Europe/London' })
      .plus({ days: 8, minutes: 1 })
      .toJSDate();
    await stack.advanceClock(closesAt);

    const page = await openPage(tokens[3]!);
    const posted = await post(tokens[3]!, { formToken, 'answers.overall': '3' });

    expect(page.status).toBe(410);
    expect(page.body).toContain('This survey has closed');
    expect(posted.status).toBe(410);
    expect(posted.body).toContain('This survey has closed');
    expect(await responded()).toBe(1);
  });
});
