import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
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

const register = async (eventId: string, sessions: string[] = []): Promise<string> => {
  const email = `delegate-${(counter += 1)}-${Date.now()}@school.example.org`;
  const registered = await api.call('POST', `/events/${eventId}/registrations`, {
    body: { name: `Delegate ${counter}`, email, sessions },
  });
  expect(registered.status).toBe(202);
  await stack.settle();
  return email;
};

/** The raw message with quoted-printable soft breaks undone, so iCalendar lines read whole. */
const rawOf = (mail: LocalMail | undefined): string => (mail?.raw ?? '').replace(/=\r?\n/g, '');
const icsValue = (mail: LocalMail | undefined, name: string): string | undefined =>
  new RegExp(`^${name}:(.*)$`, 'm').exec(rawOf(mail))?.[1]?.trim();

const changeMailsTo = async (email: string) =>
  (await stack.ses.mail(email)).filter((m) => / has changed$/.test(m.subject));

const patch = (eventId: string, body: Record<string, unknown>) =>
  api.call<{ changed: string[]; delegatesNotified: boolean }>('PATCH', `/events/${eventId}`, {
    body,
    as: 'organisers',
  });

/** A published event of one place with a confirmed delegate (in Workshop A) and a waitlisted one. */
const eventWithDelegates = async () => {
  const body = smallConference(stack.clock.now(), { capacity: 1 });
  const eventId = await publishedEvent(stack, api, body);
  const confirmed = await register(eventId, ['ws-a']);
  const waitlisted = await register(eventId);
  return { eventId, body, confirmed, waitlisted };
};

describe('moving the event tells the delegates', () => {
  it('sends each confirmed and waitlisted delegate one mail with before and after, and an invite that replaces theirs', async () => {
    const { eventId, body, confirmed, waitlisted } = await eventWithDelegates();
    const booking = (await stack.ses.mail(confirmed))[0];
    const day = body.startsAt.slice(0, 10);
    const later = DateTime.fromISO(day).plus({ days: 7 }).toFormat('yyyy-MM-dd');

    const moved = await patch(eventId, { startsAt: `${later}T09:00`, endsAt: `${later}T16:30` });
    await stack.settle();

    expect(moved.status).toBe(200);
    expect(moved.body.delegatesNotified).toBe(true);
    const [toConfirmed, ...moreToConfirmed] = await changeMailsTo(confirmed);
    expect(moreToConfirmed).toHaveLength(0);
    const before = DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
    const after = DateTime.fromISO(later).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
    expect(toConfirmed?.body.text).toContain(`Was: ${before}, 09:00 to 16:30`);
    expect(toConfirmed?.body.text).toContain(`Now: ${after}, 09:00 to 16:30`);
    // Workshop A moved with the day and is the delegate's; Workshop B is not.
    expect(toConfirmed?.body.text).toContain('Workshop A');
    expect(toConfirmed?.body.text).not.toContain('Workshop B');
    expect(icsValue(toConfirmed, 'METHOD')).toBe('REQUEST');
    expect(icsValue(toConfirmed, 'UID')).toBe(icsValue(booking, 'UID'));
    expect(Number(icsValue(toConfirmed, 'SEQUENCE'))).toBeGreaterThan(Number(icsValue(booking, 'SEQUENCE')));

    const toWaitlisted = await changeMailsTo(waitlisted);
    expect(toWaitlisted).toHaveLength(1);
    expect(toWaitlisted[0]?.body.text).toContain(`Now: ${after}, 09:00 to 16:30`);
    expect(rawOf(toWaitlisted[0])).not.toMatch(/text\/calendar/);
  });

  it('tells of a new venue once, and of nothing when only reminder text changes or the organiser says notify: false', async () => {
    const { eventId, confirmed } = await eventWithDelegates();

    const reminders = await patch(eventId, {
      reminders: [{ daysBefore: 2, at: '09:00', text: 'Bring a laptop' }],
    });
    const typo = await patch(eventId, { venue: { name: 'Leeds Civic Hal' }, notify: false });
    await stack.settle();
    expect(reminders.body.delegatesNotified).toBe(false);
    expect(typo.body.delegatesNotified).toBe(false);
    expect(await changeMailsTo(confirmed)).toHaveLength(0);

    const venue = await patch(eventId, { venue: { name: 'Leeds Town Hall', address: 'The Headrow' } });
    const again = await patch(eventId, { venue: { name: 'Leeds Town Hall', address: 'The Headrow' } });
    await stack.settle();

    expect(venue.body.delegatesNotified).toBe(true);
    expect(again.body.changed).toEqual([]);
    const mails = await changeMailsTo(confirmed);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Was: Leeds Civic Hal');
    expect(mails[0]?.body.text).toContain('Now: Leeds Town Hall, The Headrow');
  });

  it("tells of a session's new time those whose day holds it, and nobody of a workshop they are not in", async () => {
    const { eventId, body, confirmed, waitlisted } = await eventWithDelegates();
    const moveSession = (id: string) => ({
      sessions: body.sessions?.map((s) =>
        s.id === id
          ? {
              ...s,
              startsAt: `${s.startsAt.slice(0, 11)}14:00`,
              endsAt: `${s.startsAt.slice(0, 11)}15:00`,
            }
          : s,
      ),
    });

    await patch(eventId, moveSession('ws-b'));
    await stack.settle();
    expect(await changeMailsTo(confirmed)).toHaveLength(0);
    expect(await changeMailsTo(waitlisted)).toHaveLength(0);

    await patch(eventId, moveSession('keynote'));
    await stack.settle();
    for (const email of [confirmed, waitlisted]) {
      const mails = await changeMailsTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.body.text).toMatch(
        /Opening keynote\n {2}Was: .*09:30 to 10:30\n {2}Now: .*14:00 to 15:00/,
      );
    }
  });

  it('sends the cancellation with a CANCEL invite for the same entry, once however often it is cancelled', async () => {
    const { eventId, confirmed, waitlisted } = await eventWithDelegates();
    const booking = (await stack.ses.mail(confirmed))[0];

    expect((await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' })).status).toBe(200);
    expect((await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' })).status).toBe(200);
    await stack.settle();

    const cancelled = (await stack.ses.mail(confirmed)).filter((m) => m.subject.startsWith('Cancelled:'));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.body.text).toContain('has been cancelled');
    expect(icsValue(cancelled[0], 'METHOD')).toBe('CANCEL');
    expect(icsValue(cancelled[0], 'UID')).toBe(icsValue(booking, 'UID'));
    expect(Number(icsValue(cancelled[0], 'SEQUENCE'))).toBeGreaterThan(Number(icsValue(booking, 'SEQUENCE')));
    const toWaitlisted = (await stack.ses.mail(waitlisted)).filter((m) => m.subject.startsWith('Cancelled:'));
    expect(toWaitlisted).toHaveLength(1);
  });
});

describe('moving the whole day moves its sessions', () => {
  it('shifts every session by the whole days the day moved, wall-clock across a clock change', async () => {
    const body = smallConference(stack.clock.now());
    const eventId = await publishedEvent(stack, api, body);
    const day = body.startsAt.slice(0, 10);
    const later = DateTime.fromISO(day).plus({ days: 200 }).toFormat('yyyy-MM-dd');

    const moved = await patch(eventId, { startsAt: `${later}T09:00`, endsAt: `${later}T16:30` });

    expect(moved.status).toBe(200);
    expect(moved.body.changed).toEqual(expect.arrayContaining(['startsAt', 'endsAt', 'sessions']));
    const event = await api.call<{ sessions: { id: string; startsAt: string; endsAt: string }[] }>(
      'GET',
      `/events/${eventId}`,
    );
    expect(event.body.sessions.map((s) => [s.id, s.startsAt, s.endsAt])).toEqual([
      ['keynote', `${later}T09:30`, `${later}T10:30`],
      ['ws-a', `${later}T11:00`, `${later}T12:00`],
      ['ws-b', `${later}T11:00`, `${later}T12:00`],
      ['ws-c', `${later}T14:00`, `${later}T15:00`],
    ]);
  });

  it('answers 400 naming the fields to send when the sessions cannot follow on their own', async () => {
    const body = smallConference(stack.clock.now());
    const eventId = await publishedEvent(stack, api, body);
    const day = body.startsAt.slice(0, 10);

    const shortened = await api.call<{ error: { details: { path: string }[] } }>(
      'PATCH',
      `/events/${eventId}`,
      { body: { startsAt: `${day}T10:00`, endsAt: `${day}T14:30` }, as: 'organisers' },
    );

    expect(shortened.status).toBe(400);
    expect(shortened.body.error.details.map((d) => d.path)).toEqual([
      'sessions',
      'sessions.0.startsAt',
      'sessions.3.endsAt',
    ]);
    const event = await api.call<{ startsAt: string }>('GET', `/events/${eventId}`);
    expect(event.body.startsAt).toBe(body.startsAt);
  });
});
