import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

/** The small conference with a networking lunch (no capacity) and a reminder a week before. */
const withLunch = (options: { capacity?: number } = {}): CreateEventRequest => {
  const base = smallConference(stack.clock.now(), options);
  const day = base.startsAt.slice(0, 10);
  return {
    ...base,
    sessions: [
      ...(base.sessions ?? []),
      {
        id: 'lunch',
        title: 'Networking lunch',
        kind: 'networking',
        startsAt: `${day}T12:00`,
        endsAt: `${day}T13:00`,
      },
    ],
    reminders: [{ daysBefore: 7, at: '09:00', subject: 'One week to go' }],
  };
};

interface View {
  status: string;
  sessions: { sessionId: string; status: string }[];
  day: { sessionId: string; title: string; status: string; chosen: boolean }[];
}

const register = async (eventId: string, label: string, sessions: string[]) => {
  const email = uniqueEmail(label);
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: label, email, sessions },
  });
  expect(accepted.status).toBe(202);
  await stack.settle();
  const view = await api.call<View>('GET', `/registrations/${accepted.body.registrationId}`);
  return { email, registrationId: accepted.body.registrationId, view: view.body };
};

describe('sessions without a capacity are part of every confirmed delegate’s day', () => {
  it('the registration view lists the whole day, keeping `sessions` as the choices', async () => {
    const eventId = await publishedEvent(stack, api, withLunch());
    const { view } = await register(eventId, 'ada', ['ws-a']);

    expect(view.sessions).toEqual([{ sessionId: 'ws-a', status: 'confirmed' }]);
    expect(view.day.map((s) => [s.sessionId, s.status, s.chosen])).toEqual([
      ['keynote', 'confirmed', false],
      ['ws-a', 'confirmed', true],
      ['lunch', 'confirmed', false],
    ]);
    expect(view.day[0]).toMatchObject({ title: 'Opening keynote', kind: 'keynote' });
  });

  it('naming an uncapped session at registration is accepted and changes nothing about the day', async () => {
    const eventId = await publishedEvent(stack, api, withLunch());
    const named = await register(eventId, 'ben', ['keynote', 'ws-c']);
    const unnamed = await register(eventId, 'cat', ['ws-c']);

    expect(named.view.status).toBe('confirmed');
    const dayOf = (v: View) => v.day.map((s) => [s.sessionId, s.status]);
    expect(dayOf(named.view)).toEqual(dayOf(unnamed.view));
    const event = await api.call<{ sessions: { id: string; placesLeft: number | null }[] }>(
      'GET',
      `/events/${eventId}`,
    );
    expect(event.body.sessions.find((s) => s.id === 'keynote')?.placesLeft).toBeNull();
  });

  it('the confirmation, its calendar invite and the reminders list the keynote and lunch without a choice', async () => {
    const eventId = await publishedEvent(stack, api, withLunch());
    const { email } = await register(eventId, 'dan', ['ws-b']);

    const [confirmation] = await stack.ses.mail(email);
    const text = confirmation?.body.text ?? '';
    expect(text).toMatch(/- Opening keynote: .*09:30 to 10:30/);
    expect(text).toMatch(/- Workshop B: .*11:00 to 12:00/);
    expect(text).toMatch(/- Networking lunch: .*12:00 to 13:00/);
    expect(text).not.toContain('Workshop A');
    expect(confirmation?.body.html).toContain('Networking lunch');
    // The invite's description lists the day too (folded lines joined back).
    const invite = (confirmation?.raw ?? '').replace(/\r?\n[ \t]/g, '');
    expect(invite).toMatch(/Your sessions:.*Opening keynote/);

    const event = await api.call<{ startsAtUtc: string }>('GET', `/events/${eventId}`);
    await stack.advanceClock(new Date(new Date(event.body.startsAtUtc).getTime() - 6 * 86_400_000));
    const reminder = (await stack.ses.mail(email)).find((m) => m.subject === 'One week to go');
    expect(reminder?.body.text).toMatch(/- Opening keynote: /);
    expect(reminder?.body.text).toMatch(/- Networking lunch: /);
    expect(reminder?.body.text).toMatch(/- Workshop B: /);
  });

  it('a delegate waiting for an event place has only their choices, all waiting, and no keynote yet', async () => {
    const eventId = await publishedEvent(stack, api, withLunch({ capacity: 1 }));
    await register(eventId, 'eve', []);
    const { view, email } = await register(eventId, 'fay', ['ws-a']);

    expect(view.status).toBe('waitlisted');
    expect(view.day.map((s) => [s.sessionId, s.status])).toEqual([['ws-a', 'waitlisted']]);
    expect((await stack.ses.mail(email))[0]?.body.text).not.toContain('Opening keynote');
  });
});
