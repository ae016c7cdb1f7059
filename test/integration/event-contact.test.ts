import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { LocalMail } from '../../infra/local/ses-local';
import { publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

// Starting the stack may synthesize the CDK app's policies first (the code changed): minutes on a busy machine.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

const register = async (eventId: string): Promise<LocalMail | undefined> => {
  const email = `delegate-${(counter += 1)}-${Date.now()}@school.example.org`;
  const registered = await api.call('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });
  expect(registered.status).toBe(202);
  await stack.settle();
  return (await stack.ses.mail(email))[0];
};

/** The Reply-To header of a raw message, unfolded; undefined where it has none. */
const replyTo = (mail: LocalMail | undefined): string | undefined =>
  /^Reply-To: (.*(?:\r?\n[ \t].*)*)/im.exec(mail?.raw ?? '')?.[1]?.replace(/\r?\n[ \t]+/g, ' ');

describe("the event's own contact", () => {
  it('is named in the footer of mails about the event and receives the replies', async () => {
    const contact = { name: 'Ada Okafor', email: 'ada.okafor@trust.example.org' };
    const eventId = await publishedEvent(stack, api, { ...smallConference(stack.clock.now()), contact });

    const booking = await register(eventId);

    expect(booking?.body.text).toContain('Questions? Contact Ada Okafor at ada.okafor@trust.example.org.');
    expect(booking?.body.html).toContain('mailto:ada.okafor@trust.example.org');
    expect(replyTo(booking)).toBe('Ada Okafor <ada.okafor@trust.example.org>');
    const event = await api.call<{ contact: typeof contact }>('GET', `/events/${eventId}`);
    expect(event.body.contact).toEqual(contact);
  });

  it('defaults to the sender, with no Reply-To, and can be set by PATCH for later mails', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));

    const before = await register(eventId);
    const changed = await api.call('PATCH', `/events/${eventId}`, {
      body: { contact: { name: 'Ben Hughes', email: 'ben@trust.example.org' } },
      as: 'organisers',
    });
    const after = await register(eventId);

    expect(before?.body.text).toMatch(/Questions\? Contact .+ at .+@convene\.local\./);
    expect(replyTo(before)).toBeUndefined();
    expect(changed.status).toBe(200);
    expect(after?.body.text).toContain('Questions? Contact Ben Hughes at ben@trust.example.org.');
    expect(replyTo(after)).toBe('Ben Hughes <ben@trust.example.org>');
  });

  it('refuses a contact whose address is not an email address', async () => {
    const created = await api.call<{ error: { details: { path: string }[] } }>('POST', '/events', {
      body: { ...smallConference(stack.clock.now()), contact: { name: 'Ada', email: 'not-an-address' } },
      as: 'organisers',
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.map((d) => d.path)).toEqual(['contact.email']);
  });
});
