import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoConference, seedDemo } from '../../infra/local/seed';
import type { LocalMail } from '../../infra/local/ses-local';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const addressesOf = (mail: Pick<LocalMail, 'destination'>): string[] =>
  [...mail.destination.to, ...mail.destination.cc, ...mail.destination.bcc].map((a) =>
    (/<([^>]+)>/.exec(a)?.[1] ?? a).trim().toLowerCase(),
  );

describe('the demo seed of `npm start`', () => {
  it('can be registered for, and the confirmation shows in /local/mail and the mail viewer', async () => {
    // Arrange: what `npm start` seeds, through the same API.
    const today = stack.clock.now();
    const title = demoConference(today).title;
    const eventId = await seedDemo(stack.url, today);
    await stack.settle();
    const shown = await api.call<{
      title: string;
      sessions: { id: string; kind: string; capacity: number | null; placesLeft: number | null }[];
    }>('GET', `/events/${eventId}`);
    expect(shown.status).toBe(200);
    expect(shown.body.title).toBe(title);
    const workshops = shown.body.sessions.filter((s) => s.kind === 'workshop');
    expect(workshops.map((s) => s.capacity)).toEqual([40, 40, 40, 40]);
    const workshop = workshops[1]!.id;
    const email = `demo-delegate-${Date.now()}@school.example.org`;

    // Act
    const accepted = await api.call<{ registrationId: string; status: string }>(
      'POST',
      `/events/${eventId}/registrations`,
      { body: { name: 'Priya Shah', email, role: 'Deputy head', sessions: ['opening-keynote', workshop] } },
    );
    expect(accepted).toMatchObject({ status: 202, body: { status: 'pending' } });
    await stack.settle();

    // Assert: confirmed, keynote and workshop alike.
    const registration = await api.call('GET', `/registrations/${accepted.body.registrationId}`);
    expect(registration).toMatchObject({
      status: 200,
      body: {
        registrationId: accepted.body.registrationId,
        eventId,
        status: 'confirmed',
        sessions: [
          { sessionId: 'opening-keynote', status: 'confirmed' },
          { sessionId: workshop, status: 'confirmed' },
        ],
      },
    });

    // The stack's own mail route: exactly one mail, about this event.
    const local = await fetch(`${stack.url}/local/mail?to=${encodeURIComponent(email)}`);
    expect(local.status).toBe(200);
    const mails = (await local.json()) as LocalMail[];
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(title);
    expect(addressesOf(mails[0]!)).toEqual([email]);

    // aws-ses-v2-local's viewer reads its store: the same mail is listed there.
    const viewer = await fetch(`${stack.mailViewerUrl}/store`);
    expect(viewer.status).toBe(200);
    const store = (await viewer.json()) as { emails: Omit<LocalMail, 'raw'>[] };
    const listed = store.emails.filter((m) => addressesOf(m).includes(email));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ messageId: mails[0]!.messageId, subject: mails[0]!.subject });

    // And the public view counts the place taken.
    const after = await api.call<{ sessions: { id: string; placesLeft: number | null }[] }>(
      'GET',
      `/events/${eventId}`,
    );
    expect(after.body.sessions.find((s) => s.id === workshop)?.placesLeft).toBe(39);
  });
});
