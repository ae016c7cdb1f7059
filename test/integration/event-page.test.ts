import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

// Starting a stack loads every function; on a busy machine that can take over the default minute.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

const asBrowser = { accept: 'text/html,application/xhtml+xml' };

/** The event page as a browser gets it, with the signed value its form carries. */
const openPage = async (eventId: string) => {
  const answer = await api.call<string>('GET', `/events/${eventId}`, { headers: asBrowser });
  const formToken = /name="formToken" value="([^"]+)"/.exec(answer.body)?.[1];
  return { ...answer, formToken };
};

/** A form post as a browser makes it: urlencoded, asking for HTML, from the same site. */
const post = async (
  eventId: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${stack.url}/events/${eventId}/registrations`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: {
      ...asBrowser,
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    // The 303 itself is the answer under test, not the page it leads to.
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
};

const registrations = async (eventId: string) =>
  (
    await api.call<{ registrations: { registrationId: string; status: string; email?: string }[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    )
  ).body.registrations;

/** Text as a person reads it: tags gone, entities of the messages decoded, spaces collapsed. */
const textOf = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

let eventId: string;
beforeAll(async () => {
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
}, 60_000);

const filled = (email: string, formToken: string) => ({
  formToken,
  name: 'Siân Jones',
  email,
  organisation: 'Oak Academy Trust',
  role: 'Head of maths',
  'workshop-1': 'ws-a',
  'workshop-2': 'none',
  accessNeeds: '',
  dietary: 'Vegetarian',
  consent: 'yes',
});

describe('the event page in a browser', () => {
  it('shows the event, its programme and the form, and JSON clients still get JSON at the same address', async () => {
    // Act
    const page = await openPage(eventId);
    const asJson = await api.call<Record<string, unknown>>('GET', `/events/${eventId}`);

    // Assert
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = textOf(page.body);
    expect(text).toContain('Trust leaders day');
    expect(text).toContain('Leeds Civic Hall');
    expect(text).toContain('100 places left');
    expect(text).toContain('Choose a workshop, 11:00 to 12:00');
    expect(page.formToken).toBeDefined();
    expect(asJson.status).toBe(200);
    expect(asJson.headers.get('content-type')).toContain('application/json');
    expect(asJson.body).toMatchObject({ eventId, title: 'Trust leaders day', placesLeft: 100 });
  });

  it('is a 404 page for a draft and a 410 page for a cancelled event', async () => {
    // Arrange
    const draft = await api.call<{ eventId: string }>('POST', '/events', {
      body: smallConference(stack.clock.now()),
      as: 'organisers',
    });
    const cancelledId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    expect((await api.call('POST', `/events/${cancelledId}/cancel`, { as: 'organisers' })).status).toBe(200);
    await stack.settle();

    // Act
    const hidden = await openPage(draft.body.eventId);
    const gone = await openPage(cancelledId);

    // Assert
    expect(hidden.status).toBe(404);
    expect(textOf(hidden.body)).toContain('Page not found');
    expect(gone.status).toBe(410);
    expect(textOf(gone.body)).toContain('This event has been cancelled');
    expect(gone.formToken).toBeUndefined();
  });
});

describe('the registration form posted', () => {
  it('shows each problem beside its field with the values kept, and stores nothing', async () => {
    // Arrange
    const { formToken } = await openPage(eventId);

    // Act
    const answer = await post(eventId, { ...filled('not-an-address', formToken!), name: '  ' });
    const unknownWorkshop = await post(eventId, {
      ...filled(uniqueEmail('unknown'), formToken!),
      'workshop-1': 'no-such-workshop',
    });

    // Assert
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('text/html');
    const text = textOf(answer.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter your full name');
    expect(text).toContain('Enter an email address in the correct format, like name@example.com');
    expect(unknownWorkshop.status).toBe(400);
    expect(textOf(unknownWorkshop.body)).toContain(
      'Choose a workshop from the list, or no workshop in this slot',
    );
    expect(unknownWorkshop.body).toContain('href="#workshop-1"');
    expect(answer.body).toContain('href="#name"');
    expect(answer.body).toContain('href="#email"');
    expect(answer.body).toContain('value="not-an-address"');
    expect(answer.body).toContain('value="Oak Academy Trust"');
    expect(answer.body).toMatch(/<title>Error: /);
    expect(await registrations(eventId)).toEqual([]);
  });

  it('refuses a post from another site, and one without the form’s signed value, storing nothing', async () => {
    // Arrange
    const { formToken } = await openPage(eventId);
    const email = uniqueEmail('forged');

    // Act
    const crossSite = await post(eventId, filled(email, formToken!), { 'sec-fetch-site': 'cross-site' });
    const unsigned = await post(eventId, filled(email, 'forged.value'));
    const { formToken: _dropped, ...withoutToken } = filled(email, '');
    const missing = await post(eventId, withoutToken);

    // Assert
    for (const answer of [crossSite, unsigned, missing]) {
      expect(answer.status).toBe(403);
      expect(textOf(answer.body)).toContain('The form was out of date. Check your answers and submit again.');
    }
    expect(await registrations(eventId)).toEqual([]);
  });

  it('registers and sends the browser to the registration’s page; the same form posted again goes there too', async () => {
    // Arrange
    const { formToken } = await openPage(eventId);
    const email = uniqueEmail('double');

    // Act: a double click, then the same post once more after both are in
    const [first, second] = await Promise.all([
      post(eventId, filled(email, formToken!)),
      post(eventId, filled(email, formToken!)),
    ]);
    await stack.settle();
    const third = await post(eventId, filled(email, formToken!));
    await stack.settle();

    // Assert
    expect(first.status).toBe(303);
    const location = first.headers.get('location');
    expect(location).toMatch(/^\/registrations\/reg_[a-z0-9]+$/);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(location);
    expect(third.status).toBe(303);
    expect(third.headers.get('location')).toBe(location);
    const stored = (await registrations(eventId)).filter((r) => r.email === email);
    expect(stored).toHaveLength(1);
    expect(`/registrations/${stored[0]!.registrationId}`).toBe(location);
    expect(stored[0]!.status).toBe('confirmed');
    expect(await stack.ses.mail(email)).toHaveLength(1);
  });

  it('says an address is already registered and offers to send the booking again', async () => {
    // Arrange
    const email = uniqueEmail('twice');
    const first = await post(eventId, filled(email, (await openPage(eventId)).formToken!));
    expect(first.status).toBe(303);
    await stack.settle();

    // Act: a new visit to the page, the same address
    const again = await post(eventId, filled(email, (await openPage(eventId)).formToken!));

    // Assert
    expect(again.status).toBe(409);
    const text = textOf(again.body);
    expect(text).toContain('This email address is already registered for this event');
    expect(text).toContain('Email my booking again');
    expect(again.body).toContain(`action="/events/${eventId}/registrations/resend"`);
    expect((await registrations(eventId)).filter((r) => r.email === email)).toHaveLength(1);
  });

  it('leaves JSON clients as they were: 202 for a good body, the error shape for a bad one', async () => {
    // Act
    const accepted = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Json Client', email: uniqueEmail('json') },
    });
    const refused = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: '', email: 'nope', formToken: 'x' },
    });

    await stack.settle();

    // Assert
    expect(accepted).toMatchObject({ status: 202, body: { status: 'pending' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(refused.body).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
