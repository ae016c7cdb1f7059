import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { signToken } from '../../shared/domain/tokens';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

interface Delegate {
  name: string;
  email: string;
  registrationId: string;
  token: string;
}

const register = async (eventId: string, label: string, sessions: string[]): Promise<Delegate> => {
  const email = uniqueEmail(label);
  const name = `${label} Example`;
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email, sessions },
  });
  await stack.settle();
  const { token } = manageLinkIn((await stack.ses.mail(email))[0]?.body.text ?? '');
  return { name, email, registrationId: accepted.body.registrationId, token };
};

/** A browser's GET: HTML first. */
const browse = (path: string) =>
  fetch(`${stack.url}${path}`, {
    headers: { accept: 'text/html,application/xhtml+xml' },
    redirect: 'manual',
  });

/** A browser's form post: form-encoded, from this site. */
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: {
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

const manage = (d: Delegate, extra = '') =>
  `/registrations/${d.registrationId}?token=${encodeURIComponent(d.token)}${extra}`;

/** The hidden per-form value of the page's form. */
const formTokenIn = (page: string): string => {
  const value = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
  if (!value) throw new Error(`No formToken in ${page.slice(0, 300)}`);
  return value;
};

const statusOf = async (registrationId: string) =>
  (
    await api.call<{ status: string; sessions: { sessionId: string; status: string }[] }>(
      'GET',
      `/registrations/${registrationId}`,
    )
  ).body;

/** Words as a person reads them: tags gone, entities decoded, spaces collapsed. */
const words = (page: string): string =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the page after registering (no token)', () => {
  it('says what happens next, then the outcome, with no personal data; JSON clients get JSON', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const ada = await register(eventId, 'ada', ['ws-a']);
    const ben = await register(eventId, 'ben', ['ws-b']);

    const booked = await browse(`/registrations/${ada.registrationId}`);
    const waiting = await browse(`/registrations/${ben.registrationId}`);

    expect(booked.status).toBe(200);
    expect(booked.headers.get('content-type')).toContain('text/html');
    const bookedText = words(await booked.text());
    expect(bookedText).toContain('You have a place');
    expect(bookedText).toContain('We have emailed your booking and a link to manage it');
    expect(bookedText).toContain('Trust leaders day');
    expect(bookedText).not.toContain(ada.email);
    expect(bookedText).not.toContain(ada.name);
    expect(words(await waiting.text())).toContain('You are on the waiting list');
    const json = await api.call<{ status: string }>('GET', `/registrations/${ada.registrationId}`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.status).toBe('confirmed');
  });

  it('while undecided, offers Refresh and names the status for the page script to watch', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Cat', email: uniqueEmail('cat') },
    });

    const page = await (await browse(`/registrations/${accepted.body.registrationId}`)).text();
    await stack.settle();

    // Decided in the same instant or not: either way a page in words.
    if (page.includes('We are booking your place')) {
      expect(page).toContain(`data-watch-outcome="/registrations/${accepted.body.registrationId}"`);
      expect(page).toContain('Refresh this page');
    } else {
      expect(words(page)).toContain('You have a place');
    }
  });

  it('is a page in words for an unknown registration', async () => {
    const answer = await browse('/registrations/reg_nosuchthing');
    expect(answer.status).toBe(404);
    expect(words(await answer.text())).toContain('Page not found');
  });
});

describe('the manage page', () => {
  it('shows the booking as it stands: status, the day, date and venue, the check-in code', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a', 'ws-c']);

    const answer = await browse(manage(ada));

    expect(answer.status).toBe(200);
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    const text = words(await answer.text());
    expect(text).toMatch(/Status Booked/);
    expect(text).toMatch(/Opening keynote .* Open to everyone at the event/);
    expect(text).toMatch(/Workshop A .* Booked/);
    expect(text).toContain('Leeds Civic Hall');
    expect(text).toMatch(/Check-in code [0-9A-Z]{8}/);
    expect(text).toContain('Add to calendar');
    expect(text).toContain('Change your workshops');
    expect(text).toContain('Cancel your booking');
  });

  it('shows a waiting delegate their place in line', async () => {
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { workshopCapacity: 1 }),
    );
    await register(eventId, 'ada', ['ws-a']);
    await register(eventId, 'ben', ['ws-a']);
    const cat = await register(eventId, 'cat', ['ws-a']);

    const text = words(await (await browse(manage(cat))).text());

    expect(text).toMatch(/Workshop A .* On the waiting list \(2nd in line\)/);
  });

  it('downloads the calendar entry the confirmation mail attaches', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);

    const answer = await browse(`/registrations/${ada.registrationId}/calendar.ics?token=${ada.token}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/calendar');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    // Long lines are folded (RFC 5545): a line break and a space continue the line.
    const ics = (await answer.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:${ada.registrationId}@convene`);
    expect(ics).toContain('Workshop A');
    // The same entry as the confirmation mail's invite, so a calendar updates it rather than adding another.
    const mailed = (await stack.ses.mail(ada.email))[0]?.raw ?? '';
    expect(/SEQUENCE:(\d+)/.exec(ics)?.[1]).toBe(/SEQUENCE:(\d+)/.exec(mailed)?.[1]);
    const forged = await browse(`/registrations/${ada.registrationId}/calendar.ics?token=x${ada.token}`);
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('text/html');
  });
});

describe('changing workshops through the form', () => {
  it('asks for the change as the JSON route does, then shows the booking with a banner and mails once', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);
    const form = await (await browse(manage(ada, '&step=change'))).text();
    expect(words(form)).toContain('Change your workshops');

    const answer = await post(`/registrations/${ada.registrationId}/sessions`, {
      token: ada.token,
      formToken: formTokenIn(form),
      'slot-ws-a': 'ws-b',
      'slot-ws-c': 'none',
    });

    expect(answer.status).toBe(303);
    const next = answer.headers.get('location') ?? '';
    expect(next).toContain(`/registrations/${ada.registrationId}?token=`);
    await stack.settle();
    expect((await statusOf(ada.registrationId)).sessions).toEqual([
      { sessionId: 'ws-b', status: 'confirmed' },
    ]);
    const page = words(await (await browse(next)).text());
    expect(page).toContain('Your workshop choices have been updated');
    expect(page).toMatch(/Workshop B .* Booked/);
    expect(page).not.toContain('Workshop A');
    expect(await stack.ses.mail(ada.email)).toHaveLength(2);
  });

  it('shows a clash beside the time slot and changes nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);
    const form = await (await browse(manage(ada, '&step=change'))).text();

    // Workshop B runs at the same time as Workshop A: only a changed page could send both.
    const answer = await post(`/registrations/${ada.registrationId}/sessions`, {
      token: ada.token,
      formToken: formTokenIn(form),
      'slot-ws-a': 'ws-a',
      'slot-ws-c': 'ws-b',
    });
    await stack.settle();

    expect(answer.status).toBe(400);
    const page = await answer.text();
    expect(page).toContain('<title>Error: Change your workshops');
    expect(page).toContain('There is a problem');
    expect(page).toContain('href="#slot-ws-a">Choose workshops that do not run at the same time');
    expect((await statusOf(ada.registrationId)).sessions).toEqual([
      { sessionId: 'ws-a', status: 'confirmed' },
    ]);
    expect(await stack.ses.mail(ada.email)).toHaveLength(1);
  });

  it('refuses a post without its form value or from another site, showing the form again', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);
    const form = await (await browse(manage(ada, '&step=change'))).text();
    const fields = { token: ada.token, 'slot-ws-a': 'ws-b' };

    const missing = await post(`/registrations/${ada.registrationId}/sessions`, fields);
    const crossSite = await post(
      `/registrations/${ada.registrationId}/sessions`,
      { ...fields, formToken: formTokenIn(form) },
      { 'sec-fetch-site': 'cross-site' },
    );
    await stack.settle();

    for (const answer of [missing, crossSite]) {
      expect(answer.status).toBe(400);
      expect(words(await answer.text())).toContain(
        'The form was out of date. Check your answers and submit again.',
      );
    }
    expect((await statusOf(ada.registrationId)).sessions).toEqual([
      { sessionId: 'ws-a', status: 'confirmed' },
    ]);
  });
});

describe('cancelling through the confirmation step', () => {
  it('asks "are you sure", cancels, shows it cancelled and gives the place to the first waiting', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const ada = await register(eventId, 'ada', []);
    const ben = await register(eventId, 'ben', []);
    const confirm = await (await browse(manage(ada, '&step=cancel'))).text();
    expect(words(confirm)).toContain('Are you sure you want to cancel your booking?');
    expect(words(confirm)).toContain('Your place will go to the next person waiting.');

    const answer = await post(`/registrations/${ada.registrationId}/cancel`, {
      token: ada.token,
      formToken: formTokenIn(confirm),
    });
    await stack.settle();

    expect(answer.status).toBe(303);
    const page = words(await (await browse(answer.headers.get('location') ?? '')).text());
    expect(page).toContain('Your booking has been cancelled');
    expect(page).toMatch(/Status Cancelled/);
    expect(page).not.toContain('Cancel your booking');
    expect((await statusOf(ada.registrationId)).status).toBe('cancelled');
    expect((await statusOf(ben.registrationId)).status).toBe('confirmed');
  });

  it('cancels nothing on a post with a forged token, and says so in a page', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', []);
    const confirm = await (await browse(manage(ada, '&step=cancel'))).text();

    const answer = await post(`/registrations/${ada.registrationId}/cancel`, {
      token: `${ada.token}x`,
      formToken: formTokenIn(confirm),
    });
    await stack.settle();

    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(words(await answer.text())).toContain('This link does not work');
    expect((await statusOf(ada.registrationId)).status).toBe('confirmed');
  });
});

describe('a manage link that does not work', () => {
  it('is a 403 page with the resend form, whose post answers the same whether or not the address is known', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', []);

    const bad = await browse(`/registrations/${ada.registrationId}?token=${ada.token.slice(0, -3)}abc`);

    expect(bad.status).toBe(403);
    const page = await bad.text();
    expect(words(page)).toContain('This link does not work');
    expect(page).toContain(`action="/events/${eventId}/registrations/resend"`);
    const formToken = formTokenIn(page);
    const known = await post(`/events/${eventId}/registrations/resend`, { formToken, email: ada.email });
    const unknown = await post(`/events/${eventId}/registrations/resend`, {
      formToken,
      email: uniqueEmail('nobody'),
    });
    await stack.settle();
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const knownText = words(await known.text());
    expect(knownText).toContain('If that address is registered for this event, we have sent the link again.');
    expect(words(await unknown.text())).toBe(knownText);
    expect(await stack.ses.mail(ada.email)).toHaveLength(2);
  });

  it('shows the resend form again with GOV.UK errors for a bad address, and sends nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', []);
    const page = await (await browse(`/registrations/${ada.registrationId}?token=nope`)).text();

    const empty = await post(`/events/${eventId}/registrations/resend`, {
      formToken: formTokenIn(page),
      email: '',
    });
    const wrong = await post(`/events/${eventId}/registrations/resend`, {
      formToken: formTokenIn(page),
      email: 'ada at school',
    });
    await stack.settle();

    expect(empty.status).toBe(400);
    expect(words(await empty.text())).toContain('Enter your email address');
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('value="ada at school"');
    expect(words(wrongPage)).toContain('Enter an email address in the correct format, like name@example.com');
    expect(await stack.ses.mail(ada.email)).toHaveLength(1);
  });

  it('is a 410 page once expired', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', []);
    const expired = signToken(
      stack.linkKey,
      'manage',
      ada.registrationId,
      new Date(stack.clock.nowMs() - 1000),
    );

    const answer = await browse(`/registrations/${ada.registrationId}?token=${expired}`);

    expect(answer.status).toBe(410);
    const text = words(await answer.text());
    expect(text).toContain('This link has expired');
    expect(text).toContain('Send me a new link');
  });

  it('still answers JSON to a JSON client, as before', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', []);
    const cancel = await api.call<{ error: { code: string } }>(
      'POST',
      `/registrations/${ada.registrationId}/cancel`,
      {
        body: { token: 'forged' },
      },
    );
    const resend = await api.call('POST', `/events/${eventId}/registrations/resend`, {
      body: { email: ada.email },
    });
    await stack.settle();
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.code).toBe('invalid_token');
    expect(resend.status).toBe(202);
  });
});
