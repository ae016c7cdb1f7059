import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

// Starting a stack loads every function; on a busy machine that can take over the default minute.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

const DAY_MS = 86_400_000;
const emailFor = (label: string) => `${label}-${(counter += 1)}-${Date.now()}@school.example.org`;

const register = async (eventId: string, name: string, email: string) => {
  const accepted = await api.call('POST', `/events/${eventId}/registrations`, { body: { name, email } });
  expect(accepted.status).toBe(202);
  await stack.settle();
};

describe('the local mail', () => {
  it("dates each mail by the stack's clock, not the machine's", async () => {
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 10 * DAY_MS));
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = emailFor('dated');

    await register(eventId, 'Dated Delegate', email);

    const [mail] = await stack.ses.mail(email);
    expect(Math.abs((mail?.at ?? 0) * 1000 - stack.clock.now().getTime())).toBeLessThan(60_000);
    const served = (await (await fetch(`${stack.url}/local/mail?to=${email}`)).json()) as { at: number }[];
    expect(served[0]?.at).toBe(mail?.at);
  });

  it("shows each mail's text and its attachments by name in the viewer, without a click", async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = emailFor('viewed');
    await register(eventId, 'Viewed Delegate', email);
    const [mail] = await stack.ses.mail(email);

    const page = await (await fetch(stack.mailViewerUrl)).text();
    const index = mail!.attachments.findIndex((a) => a.filename === 'invite.ics');
    const invite = await fetch(
      `${stack.mailViewerUrl}/mail/${encodeURIComponent(mail!.messageId)}/attachments/${index}`,
    );

    expect(page).toContain(`<h2>${mail!.subject.replace(/'/g, '&#39;')}</h2>`);
    expect(page).toContain('Viewed Delegate');
    expect(page).toContain(`/registrations/`);
    expect(page).toContain('invite.ics');
    expect(invite.headers.get('content-disposition')).toContain('invite.ics');
    expect(await invite.text()).toContain('BEGIN:VCALENDAR');
  });
});

describe('POST /local/reset', () => {
  it('starts afresh: no events, mail or schedules, the clock back to now; and the stack works on', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, 'Reset Delegate', emailFor('reset'));
    const scheduled = await api.call('POST', `/events/${eventId}/campaigns`, {
      as: 'organisers',
      body: {
        subject: 'Later',
        text: 'Hello {{name}}',
        audience: { status: ['confirmed'] },
        sendAt: new Date(stack.clock.now().getTime() + DAY_MS).toISOString(),
      },
    });
    expect(scheduled.status).toBe(202);
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 3 * DAY_MS - 3_600_000));
    expect((await stack.ses.mail()).length).toBeGreaterThan(0);

    const reset = await api.call<{ now: string }>('POST', '/local/reset');

    expect(reset.status).toBe(200);
    expect(Math.abs(new Date(reset.body.now).getTime() - Date.now())).toBeLessThan(60_000);
    expect((await api.call('GET', `/events/${eventId}`, { as: 'organisers' })).status).toBe(404);
    expect(await (await fetch(`${stack.url}/local/mail`)).json()).toEqual([]);
    expect(await (await fetch(`${stack.url}/local/schedules`)).json()).toEqual([]);
    const again = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = emailFor('after');
    await register(again, 'After Reset', email);
    expect(await stack.ses.mail(email)).toHaveLength(1);
  });
});
