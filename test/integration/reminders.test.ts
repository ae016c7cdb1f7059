import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { CreateEventRequest } from '../../shared/api/event-schemas';
import { manageLinkIn } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

/** Thursday 1 April 2027 in London, four days after the UK clocks go forward (28 March). */
const aprilConference: CreateEventRequest = {
  title: 'Trust leaders day',
  timezone: 'Europe/London',
  startsAt: '2027-04-01T09:00',
  endsAt: '2027-04-01T16:30',
  venue: { name: 'Leeds Civic Hall', address: 'Portland Crescent, Leeds LS1 1UR' },
  capacity: 50,
  sessions: [
    {
      id: 'keynote',
      title: 'Opening keynote',
      kind: 'keynote',
      startsAt: '2027-04-01T09:30',
      endsAt: '2027-04-01T10:30',
    },
    {
      id: 'ws-send',
      title: 'SEND in the mainstream classroom',
      kind: 'workshop',
      startsAt: '2027-04-01T11:00',
      endsAt: '2027-04-01T12:00',
      capacity: 30,
    },
  ],
  reminders: [
    { daysBefore: 7, at: '09:00', subject: 'One week to go', text: 'Parking is free on the day.' },
    { daysBefore: 1, at: '09:00' },
  ],
};

const emailOf = (label: string) => `${label}-${Date.now()}@school.example.org`;

const remindersTo = async (email: string) =>
  (await stack.ses.mail(email)).filter(
    (m) => m.subject === 'One week to go' || m.subject.startsWith('Reminder: '),
  );

const reminderSchedules = (eventId: string) =>
  stack.scheduler
    .list()
    .filter((s) => s.name.startsWith(`rem-${eventId}-`))
    .map((s) => ({ name: s.name, dueAt: s.dueAt.toISOString() }));

describe('a reminder plan across the UK clock change', () => {
  it('sends each step once to every delegate confirmed at that moment, at the right instants', async () => {
    // Arrange: a published event with two steps, three delegates, one of whom cancels.
    const created = await api.call<{ eventId: string }>('POST', '/events', {
      body: aprilConference,
      as: 'organisers',
    });
    const eventId = created.body.eventId;
    const published = await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' });
    expect(published).toMatchObject({ status: 200, body: { status: 'published', skippedReminders: [] } });

    const delegates = ['ada', 'ben', 'cat', 'dan'].map((name) => ({ name, email: emailOf(name) }));
    const ids = new Map<string, string>();
    for (const d of delegates) {
      const registered = await api.call<{ registrationId: string }>(
        'POST',
        `/events/${eventId}/registrations`,
        { body: { name: d.name, email: d.email, sessions: ['keynote', 'ws-send'] } },
      );
      expect(registered.status).toBe(202);
      ids.set(d.name, registered.body.registrationId);
    }
    await stack.settle();
    const dan = delegates[3]!;
    const { token } = manageLinkIn((await stack.ses.mail(dan.email))[0]?.body.text ?? '');
    expect(
      (await api.call('POST', `/registrations/${ids.get('dan')}/cancel`, { body: { token } })).status,
    ).toBe(202);
    await stack.settle();
    const confirmed = delegates.slice(0, 3);

    // The schedules: 7 days before at 09:00 GMT, 1 day before at 09:00 BST.
    expect(reminderSchedules(eventId)).toEqual([
      { name: `rem-${eventId}-1d-0900`, dueAt: '2027-03-31T08:00:00.000Z' },
      { name: `rem-${eventId}-7d-0900`, dueAt: '2027-03-25T09:00:00.000Z' },
    ]);
    const schedule = stack.scheduler.getSchedule(`rem-${eventId}-7d-0900`, stack.resources.scheduleGroupName);
    expect(schedule.actionAfterCompletion).toBe('DELETE');
    expect(JSON.parse(schedule.target.Input ?? '{}')).toEqual({
      eventId,
      reminderKey: '7d@09:00',
      dueAt: '2027-03-25T09:00:00.000Z',
    });

    // Act and assert: nothing just before the first step, one each just after.
    await stack.advanceClock(new Date('2027-03-25T08:59:00Z'));
    for (const d of delegates) expect(await remindersTo(d.email)).toEqual([]);

    await stack.advanceClock(new Date('2027-03-25T09:01:00Z'));
    for (const d of confirmed) {
      const mails = await remindersTo(d.email);
      expect(mails.map((m) => m.subject)).toEqual(['One week to go']);
      const text = mails[0]?.body.text ?? '';
      expect(manageLinkIn(text).registrationId).toBe(ids.get(d.name));
      expect(text).toContain('Parking is free on the day.');
      expect(text).toContain('When: Thursday 1 April 2027, 09:00 to 16:30');
      expect(text).toContain('Leeds Civic Hall, Portland Crescent, Leeds LS1 1UR');
      expect(text).toContain('- SEND in the mainstream classroom: Thursday 1 April 2027, 11:00 to 12:00');
      expect(mails[0]?.body.html).toContain('Manage your registration');
    }
    expect(await remindersTo(dan.email)).toEqual([]);
    // The fired schedule deleted itself; the other waits.
    expect(reminderSchedules(eventId).map((s) => s.name)).toEqual([`rem-${eventId}-1d-0900`]);

    // A second delivery of the same Reminder Due adds nothing.
    await stack.bus.putEvents([
      {
        EventBusName: stack.resources.eventBusName,
        Source: 'convene.messaging',
        DetailType: 'Reminder Due',
        Detail: JSON.stringify({ eventId, reminderKey: '7d@09:00', dueAt: '2027-03-25T09:00:00.000Z' }),
      },
    ]);
    await stack.settle();
    for (const d of confirmed) expect(await remindersTo(d.email)).toHaveLength(1);

    // Ben cancels between the steps: he gets no second reminder.
    const ben = delegates[1]!;
    const benToken = manageLinkIn((await stack.ses.mail(ben.email))[0]?.body.text ?? '').token;
    await api.call('POST', `/registrations/${ids.get('ben')}/cancel`, { body: { token: benToken } });
    await stack.settle();

    await stack.advanceClock(new Date('2027-03-31T07:59:00Z'));
    for (const d of confirmed) expect(await remindersTo(d.email)).toHaveLength(1);

    await stack.advanceClock(new Date('2027-03-31T08:01:00Z'));
    for (const d of [delegates[0]!, delegates[2]!]) {
      const subjects = (await remindersTo(d.email)).map((m) => m.subject);
      expect(subjects).toEqual(['One week to go', 'Reminder: Trust leaders day on Thursday 1 April']);
      const latest = (await remindersTo(d.email))[1]?.body.text ?? '';
      expect(latest.split('\n')[0]).toBe('Trust leaders day is tomorrow');
      expect(manageLinkIn(latest).registrationId).toBe(ids.get(d.name));
    }
    expect(await remindersTo(ben.email)).toHaveLength(1);
    expect(await remindersTo(dan.email)).toEqual([]);
    expect(reminderSchedules(eventId)).toEqual([]);
    expect(stack.scheduler.deadLetters).toEqual([]);
  });
});
