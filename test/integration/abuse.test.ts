import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { recordFigures } from '../support/figures';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

// Each test runs several registrations through the bus: minutes on a loaded two-core machine.
jest.setTimeout(240_000);

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

type Listed = { registrationId: string; status: string; email: string; name: string };
const registrations = async (eventId: string): Promise<Listed[]> =>
  (
    await api.call<{ registrations: Listed[] }>('GET', `/events/${eventId}/registrations`, {
      as: 'organisers',
    })
  ).body.registrations;

/** Mail the local SES took for this address (a destination may carry a name: `Name <address>`). */
const mailTo = async (address: string) =>
  (await stack.ses.mail()).filter((m) =>
    m.destination.to.some((to) => to === address || to.endsWith(`<${address}>`)),
  );

describe('the event form’s honeypot', () => {
  it('answers a filled-in website field as it answers a person, and stores and sends nothing', async () => {
    // Arrange
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const page = await api.call<string>('GET', `/events/${eventId}`, { headers: { accept: 'text/html' } });
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.url}/events/${eventId}/registrations`, {
        method: 'POST',
        body: new URLSearchParams({
          formToken,
          'workshop-1': 'none',
          'workshop-2': 'none',
          ...fields,
        }).toString(),
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
        },
        redirect: 'manual',
      });
    const robot = uniqueEmail('robot');

    // Act
    const caught = await post({ name: 'Robot', email: robot, website: 'http://spam.example' });
    await stack.settle();
    const person = await post({ name: 'Person', email: uniqueEmail('person'), website: '' });
    await stack.settle();

    // Assert: the same answer (303 to a registration's page), but only the person is stored and mailed.
    expect(caught.status).toBe(303);
    expect(person.status).toBe(303);
    expect(caught.headers.get('location')).toMatch(/^\/registrations\/reg_[a-z0-9]+$/);
    expect(person.headers.get('location')).toMatch(/^\/registrations\/reg_[a-z0-9]+$/);
    expect((await registrations(eventId)).map((r) => r.name)).toEqual(['Person']);
    expect(await mailTo(robot)).toHaveLength(0);
    // The page it is sent to reads as a person's does while their place is booked (a 404 would give it away).
    const pageAfter = async (location: string | null) => {
      const answer = await fetch(`${stack.url}${location}`, { headers: { accept: 'text/html' } });
      return {
        status: answer.status,
        title: /<h1[^>]*>([^<]*)<\/h1>/.exec(await answer.text())?.[1]?.trim(),
      };
    };
    expect(await pageAfter(caught.headers.get('location'))).toEqual({
      status: 200,
      title: 'We are booking your place',
    });
    // Any other unknown id is still not found.
    expect((await pageAfter('/registrations/reg_01m8t1ahbqswykgz1hs6k9bpx0')).status).toBe(404);
    recordFigures({
      writesAfterRefusal: (await registrations(eventId)).filter((r) => r.name === 'Robot').length,
    });
  });

  it('is not a field of the JSON route: a website there is an unknown field (400)', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const answer = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'A', email: uniqueEmail('json'), website: 'x' },
    });
    expect(answer.status).toBe(400);
  });
});

describe('names with a link', () => {
  it('are refused with a clear message wherever a name is taken: registration, walk-in and substitution', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const spam = 'Claim your prize at http://evil.example/win 7';
    const registered = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: spam, email: uniqueEmail('spam') },
    });
    const walkIn = await api.call('POST', `/events/${eventId}/registrations`, {
      as: 'organisers',
      body: { name: 'Mail me at prize@evil.example', email: uniqueEmail('walk'), checkIn: true },
    });
    const good = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Real Person', email: uniqueEmail('real') },
    });
    await stack.settle();
    const substituted = await api.call(
      'PATCH',
      `/events/${eventId}/registrations/${good.body.registrationId}`,
      {
        as: 'organisers',
        body: { name: 'www.evil.example', email: uniqueEmail('sub') },
      },
    );

    for (const answer of [registered, walkIn, substituted]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: {
          code: 'invalid_request',
          details: [{ path: 'name', message: expect.stringMatching(/cannot contain/) }],
        },
      });
    }
    expect((await registrations(eventId)).map((r) => r.name)).toEqual(['Real Person']);
  });
});

describe('plus-tagged addresses', () => {
  it('count as the address without the tag for "already registered"; the mail goes to the address as typed', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const [local, domain] = uniqueEmail('victim').split('@');
    const first = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Victim', email: `${local}+1@${domain}` },
    });
    await stack.settle();
    const again = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Victim', email: `${local}+2@${domain}` },
    });
    const plain = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Victim', email: `${local}@${domain}` },
    });
    await stack.settle();

    expect(first.status).toBe(202);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_registered' } });
    expect(plain.status).toBe(409);
    expect((await registrations(eventId)).map((r) => r.email)).toEqual([`${local}+1@${domain}`]);
    expect(await mailTo(`${local}+1@${domain}`)).toHaveLength(1);
  });

  it('count apart on an event that says so (ignoreEmailTags: false)', async () => {
    const eventId = await publishedEvent(stack, api, {
      ...smallConference(stack.clock.now()),
      ignoreEmailTags: false,
    });
    const shown = await api.call<{ ignoreEmailTags: boolean }>('GET', `/events/${eventId}`);
    const [local, domain] = uniqueEmail('apart').split('@');
    const answers = await Promise.all(
      [1, 2].map((n) =>
        api.call('POST', `/events/${eventId}/registrations`, {
          body: { name: 'A', email: `${local}+${n}@${domain}` },
        }),
      ),
    );
    expect(shown.body.ignoreEmailTags).toBe(false);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
  });
});

describe('new-registration mail per address', () => {
  it('sends at most 5 a day to one address, records the 6th as withheld, and still sends a promotion', async () => {
    // Arrange: tags counted apart on this event, so each is a new registration; 5 places, so the 6th waits.
    const eventId = await publishedEvent(stack, api, {
      ...smallConference(stack.clock.now(), { capacity: 5 }),
      ignoreEmailTags: false,
    });
    const [local, domain] = uniqueEmail('flood').split('@');
    const addresses = [1, 2, 3, 4, 5, 6].map((n) => `${local}+${n}@${domain}`);

    // Act
    const ids: string[] = [];
    for (const email of addresses) {
      const answer = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
        body: { name: 'Flood', email },
      });
      ids.push(answer.body.registrationId);
      await stack.settle();
    }
    const sixth = ids[5]!;
    const sixthMailsBefore = await mailTo(addresses[5]!);
    const cancelled = await api.call('POST', `/events/${eventId}/registrations/${ids[0]}/cancel`, {
      as: 'organisers',
    });
    await stack.settle();

    // Assert
    const sent = await Promise.all(addresses.slice(0, 5).map(mailTo));
    // Each its confirmation; the first also its cancellation (never withheld).
    expect(sent.map((m) => m.length)).toEqual([2, 1, 1, 1, 1]);
    expect(sixthMailsBefore).toHaveLength(0);
    const ledger = await api.call<{ mails: { state: string; label: string; reason: string | null }[] }>(
      'GET',
      `/events/${eventId}/registrations/${sixth}/mails`,
      { as: 'organisers' },
    );
    expect(cancelled.status).toBe(202);
    expect(ledger.body.mails.map((m) => m.state).sort()).toEqual(['sent', 'withheld']);
    expect(ledger.body.mails.find((m) => m.state === 'withheld')?.reason).toMatch(/More than 5/);
    // The promotion went although the address had its 5 new-registration mails today.
    const after = await mailTo(addresses[5]!);
    expect(after).toHaveLength(1);
    // New-registration mails to the address today: one confirmation each of the five, none to the sixth
    // (the first's cancellation is not one).
    const newRegistrationMails = sent.filter((m) => m.length > 0).length + sixthMailsBefore.length;
    recordFigures({ limitsExceeded: newRegistrationMails > 5 ? 1 : 0 });
  });
});

describe('removing suspected bulk sign-ups', () => {
  it('frees the places and promotes the waiting list in one action, and mails the removed nothing', async () => {
    // Arrange: 10 places taken by one client (every test request comes from 127.0.0.1), one delegate waiting.
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 10 }));
    const fakes = Array.from({ length: 10 }, () => uniqueEmail('fake'));
    const ids: string[] = [];
    for (const email of fakes) {
      const answer = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
        body: { name: 'Fake Person', email },
      });
      ids.push(answer.body.registrationId);
    }
    await stack.settle();
    const waiting = uniqueEmail('waiting');
    const booked = await api.call<{ registrationId: string; status: string }>(
      'POST',
      `/events/${eventId}/registrations`,
      { as: 'organisers', body: { name: 'Real Waiting', email: waiting } },
    );
    await stack.settle();
    const mailsBefore = (await Promise.all(fakes.map(mailTo))).flat().length;

    // Act
    const removed = await api.call<{ removed: string[]; notFound: string[] }>(
      'POST',
      `/events/${eventId}/registrations/bulk-remove`,
      { as: 'organisers', body: { registrationIds: [...ids, 'reg_unknown'] } },
    );
    await stack.settle();

    // Assert
    expect(booked.body.status).toBe('waitlisted');
    expect(removed.status).toBe(200);
    expect(removed.body.removed.sort()).toEqual([...ids].sort());
    expect(removed.body.notFound).toEqual(['reg_unknown']);
    const after = await registrations(eventId);
    expect(after.find((r) => r.registrationId === booked.body.registrationId)?.status).toBe('confirmed');
    expect(after.filter((r) => ids.includes(r.registrationId)).every((r) => r.status === 'cancelled')).toBe(
      true,
    );
    expect((await Promise.all(fakes.map(mailTo))).flat().length).toBe(mailsBefore);
    expect((await mailTo(waiting)).length).toBeGreaterThanOrEqual(2);
    const event = await api.call<{ placesLeft: number }>('GET', `/events/${eventId}`);
    expect(event.body.placesLeft).toBe(9);
    // Only organisers may.
    const asPublic = await api.call('POST', `/events/${eventId}/registrations/bulk-remove`, {
      body: { registrationIds: [ids[0]] },
    });
    expect(asPublic.status).toBe(401);
  });
});
