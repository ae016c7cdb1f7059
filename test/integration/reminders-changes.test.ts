import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const ZONE = 'Europe/London';

/** The London calendar day `days` after the stack's clock, as `yyyy-MM-dd`. */
const dayAhead = (days: number): string =>
  DateTime.fromJSDate(stack.clock.now(), { zone: ZONE }).plus({ days }).toFormat('yyyy-MM-dd');

/** The calendar day `days` before `day`. */
const daysBefore = (day: string, days: number): string => DateTime.fromISO(day).minus({ days }).toISODate()!;

/** The UTC instant of a London wall-clock time. */
const utc = (day: string, time: string): string =>
  DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toUTC().toISO() as string;

const conferenceOn = (day: string, reminders: CreateEventRequest['reminders']): CreateEventRequest => ({
  title: `Curriculum day ${(counter += 1)}`,
  timezone: ZONE,
  startsAt: `${day}T09:00`,
  endsAt: `${day}T16:00`,
  venue: { name: 'Manchester Central' },
  capacity: 50,
  reminders,
});

type Skipped = { daysBefore: number; at: string; dueAt: string }[];

const createAndPublish = async (body: CreateEventRequest) => {
  const created = await api.call<{ eventId: string }>('POST', '/events', { body, as: 'organisers' });
  expect(created.status).toBe(201);
  const published = await api.call<{ status: string; skippedReminders: Skipped }>(
    'POST',
    `/events/${created.body.eventId}/publish`,
    { as: 'organisers' },
  );
  expect(published.status).toBe(200);
  await stack.settle();
  return { eventId: created.body.eventId, skipped: published.body.skippedReminders };
};

const register = async (eventId: string): Promise<string> => {
  const email = `delegate-${(counter += 1)}-${Date.now()}@school.example.org`;
  const registered = await api.call('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });
  expect(registered.status).toBe(202);
  await stack.settle();
  return email;
};

/** Every mail to the address that is not about the registration itself or a change of the event. */
const remindersTo = async (email: string) =>
  (await stack.ses.mail(email)).filter((m) => !/^You're booked|^Cancelled: | has changed$/.test(m.subject));

const reminderSchedules = (eventId: string) =>
  stack.scheduler
    .list()
    .filter((s) => s.name.startsWith(`rem-${eventId}-`))
    .map((s) => [s.name.slice(`rem-${eventId}-`.length), s.dueAt.toISOString()]);

const plusMinutes = (iso: string, minutes: number): Date =>
  new Date(new Date(iso).getTime() + minutes * 60_000);

describe('reminders already past', () => {
  it('are reported at publish and by a change, never scheduled and never sent', async () => {
    const day = dayAhead(3);
    const body = conferenceOn(day, [
      { daysBefore: 30, at: '09:00' },
      { daysBefore: 7, at: '09:00' },
      { daysBefore: 1, at: '08:00' },
    ]);
    const { eventId, skipped } = await createAndPublish(body);

    expect(skipped).toEqual([
      { daysBefore: 30, at: '09:00', dueAt: utc(daysBefore(day, 30), '09:00') },
      { daysBefore: 7, at: '09:00', dueAt: utc(daysBefore(day, 7), '09:00') },
    ]);
    expect(reminderSchedules(eventId)).toEqual([['1d-0800', utc(daysBefore(day, 1), '08:00')]]);

    // A new step in the past is reported by the PATCH; those already past are not reported again.
    const patched = await api.call<{ skippedReminders: Skipped }>('PATCH', `/events/${eventId}`, {
      as: 'organisers',
      body: {
        reminders: [
          { daysBefore: 30, at: '09:00' },
          { daysBefore: 7, at: '09:00' },
          { daysBefore: 5, at: '10:00' },
          { daysBefore: 1, at: '08:00' },
        ],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.skippedReminders).toEqual([
      { daysBefore: 5, at: '10:00', dueAt: utc(daysBefore(day, 5), '10:00') },
    ]);
    await stack.settle();
    expect(reminderSchedules(eventId).map(([name]) => name)).toEqual(['1d-0800']);

    const email = await register(eventId);
    await stack.advanceClock(new Date(utc(day, '12:00')));
    expect((await remindersTo(email)).map((m) => m.subject)).toEqual([
      `Reminder: ${body.title} on ${DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d LLLL')}`,
    ]);
  });
});

describe('changing the plan', () => {
  it('deletes the schedule of a removed step, and cancelling the event deletes them all', async () => {
    const day = dayAhead(40);
    const { eventId } = await createAndPublish(
      conferenceOn(day, [
        { daysBefore: 14, at: '09:00' },
        { daysBefore: 7, at: '09:00' },
        { daysBefore: 1, at: '17:30' },
      ]),
    );
    const email = await register(eventId);
    expect(reminderSchedules(eventId).map(([name]) => name)).toEqual(['14d-0900', '1d-1730', '7d-0900']);

    const patched = await api.call('PATCH', `/events/${eventId}`, {
      as: 'organisers',
      body: {
        reminders: [
          { daysBefore: 14, at: '09:00' },
          { daysBefore: 1, at: '17:30' },
        ],
      },
    });
    expect(patched).toMatchObject({ status: 200, body: { skippedReminders: [] } });
    await stack.settle();
    expect(reminderSchedules(eventId).map(([name]) => name)).toEqual(['14d-0900', '1d-1730']);

    const cancelled = await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    await stack.settle();
    expect(reminderSchedules(eventId)).toEqual([]);

    // Registration is closed, the event cannot be published or changed again, a repeat cancel is harmless.
    expect((await api.call<{ status: string }>('GET', `/events/${eventId}`)).body.status).toBe('cancelled');
    const late = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Late', email: `late-${Date.now()}@school.example.org` },
    });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'registration_closed' } } });
    expect(await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' })).toMatchObject({
      status: 409,
      body: { error: { code: 'event_cancelled' } },
    });
    expect(
      await api.call('PATCH', `/events/${eventId}`, { as: 'organisers', body: { title: 'Back on' } }),
    ).toMatchObject({ status: 409 });
    expect((await api.call('POST', `/events/${eventId}/cancel`, { as: 'organisers' })).status).toBe(200);
    expect((await api.call('POST', `/events/${eventId}/cancel`)).status).toBe(401);
    expect((await api.call('POST', '/events/evt_unknown/cancel', { as: 'organisers' })).status).toBe(404);

    await stack.advanceClock(new Date(utc(day, '08:00')));
    expect(await remindersTo(email)).toEqual([]);
  });

  it('moves every pending reminder with the event, and sends none at the old times', async () => {
    const day = dayAhead(60);
    const later = DateTime.fromISO(day).plus({ days: 7 }).toISODate()!;
    const { eventId } = await createAndPublish(
      conferenceOn(day, [
        { daysBefore: 7, at: '09:00' },
        { daysBefore: 1, at: '16:00' },
      ]),
    );
    const email = await register(eventId);
    expect(reminderSchedules(eventId)).toEqual([
      ['1d-1600', utc(daysBefore(day, 1), '16:00')],
      ['7d-0900', utc(daysBefore(day, 7), '09:00')],
    ]);

    const moved = await api.call('PATCH', `/events/${eventId}`, {
      as: 'organisers',
      body: { startsAt: `${later}T09:00`, endsAt: `${later}T16:00` },
    });
    expect(moved).toMatchObject({ status: 200, body: { skippedReminders: [] } });
    await stack.settle();
    expect(reminderSchedules(eventId)).toEqual([
      ['1d-1600', utc(daysBefore(later, 1), '16:00')],
      ['7d-0900', utc(daysBefore(later, 7), '09:00')],
    ]);

    // The old 7-day instant passes in silence; the new one sends.
    await stack.advanceClock(plusMinutes(utc(daysBefore(day, 7), '09:00'), 1));
    expect(await remindersTo(email)).toEqual([]);
    await stack.advanceClock(plusMinutes(utc(daysBefore(later, 7), '09:00'), 1));
    const subjects = (await remindersTo(email)).map((m) => m.subject);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toContain(DateTime.fromISO(later).setLocale('en-GB').toFormat('cccc d LLLL'));
  });
});
