import * as z from 'zod';
import { pathId, text, timeOfDay, wallClock } from './common';

const session = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1-40 letters, digits, - or _')
    .optional(),
  title: text(200),
  kind: z.enum(['keynote', 'workshop', 'networking']),
  startsAt: wallClock,
  endsAt: wallClock,
  capacity: z.number().int().min(1).max(100_000).optional(),
});

const reminder = z.strictObject({
  daysBefore: z.number().int().min(0).max(365),
  at: timeOfDay,
  subject: text(200).optional(),
  text: text(5000).optional(),
});

export const surveyQuestion = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1-40 letters, digits, - or _'),
  kind: z.enum(['rating', 'nps', 'choice', 'text']),
  prompt: text(500),
  options: z.array(text(200)).min(1).max(20).optional(),
  required: z.boolean().optional(),
});

const survey = z.strictObject({
  daysAfter: z.number().int().min(0).max(60),
  at: timeOfDay,
  questions: z.array(surveyQuestion).min(1).max(50),
  closesAfterDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .optional()
    .describe('Days the survey takes answers after the invitation is due (default 14); then 410'),
  reminder: z
    .strictObject({ daysAfter: z.number().int().min(0).max(90), at: timeOfDay })
    .optional()
    .describe(
      "A reminder to invited delegates who have not answered, `daysAfter` the event's last day at `at`",
    ),
});

const contact = z
  .strictObject({ name: text(200), email: z.email().max(254) })
  .describe(
    'Whom delegates ask about the event: mails say "Questions? Contact {name} at {email}" and replies go there (the sender\'s name and address when not given)',
  );

const eventFields = {
  title: text(200),
  timezone: z.string().min(1).max(64),
  startsAt: wallClock,
  endsAt: wallClock,
  venue: z.strictObject({ name: text(200), address: text(500).optional() }),
  capacity: z.number().int().min(1).max(100_000),
  sessions: z.array(session).max(60),
  reminders: z.array(reminder).max(20),
  survey: survey,
  contact,
  ignoreEmailTags: z
    .boolean()
    .describe(
      'true (the default): addresses differing only in a plus tag (victim+7@) count as one when checking "already registered"; the mail goes to the address as typed',
    ),
};

export const createEventRequest = z
  .strictObject({
    ...eventFields,
    sessions: eventFields.sessions.optional(),
    reminders: eventFields.reminders.optional(),
    survey: eventFields.survey.optional(),
    contact: eventFields.contact.optional(),
    ignoreEmailTags: eventFields.ignoreEmailTags.optional(),
    teamId: z
      .string()
      .max(40)
      .optional()
      .describe('The organising team the event is for: required of a caller in several teams'),
  })
  .meta({ id: 'CreateEventRequest' });
export type CreateEventRequest = z.infer<typeof createEventRequest>;

export const updateEventRequest = z
  .strictObject({
    title: eventFields.title.optional(),
    timezone: eventFields.timezone.optional(),
    startsAt: eventFields.startsAt.optional(),
    endsAt: eventFields.endsAt.optional(),
    venue: eventFields.venue.optional(),
    capacity: eventFields.capacity.optional(),
    sessions: eventFields.sessions.optional(),
    reminders: eventFields.reminders.optional(),
    survey: eventFields.survey.optional(),
    contact: eventFields.contact.optional(),
    ignoreEmailTags: eventFields.ignoreEmailTags.optional(),
    notify: z
      .boolean()
      .optional()
      .describe(
        "false: do not tell the delegates of this change (a typo fix). A change of date, times, venue or a session's time is otherwise mailed to every confirmed and waitlisted delegate with an updated calendar invite",
      ),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Give at least one field to change' })
  .meta({ id: 'UpdateEventRequest' });
export type UpdateEventRequest = z.infer<typeof updateEventRequest>;

export const eventPath = z.strictObject({ eventId: pathId });

export const createEventResponse = z
  .object({ eventId: z.string(), status: z.literal('draft') })
  .meta({ id: 'CreateEventResponse' });

export const skippedReminders = z
  .array(
    z
      .object({
        daysBefore: z.number().int(),
        at: timeOfDay,
        dueAt: z.iso.datetime().describe('When the step would have been due (UTC)'),
      })
      .meta({ id: 'SkippedReminder' }),
  )
  .describe('Reminder steps whose time had passed: they are not scheduled and will not be sent');

export const publishEventResponse = z
  .object({ status: z.literal('published'), skippedReminders })
  .meta({ id: 'PublishEventResponse' });

export const cancelEventResponse = z
  .object({ status: z.literal('cancelled'), cancelledAt: z.iso.datetime() })
  .meta({ id: 'CancelEventResponse' });

const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['keynote', 'workshop', 'networking']),
  startsAt: wallClock,
  endsAt: wallClock,
  startsAtUtc: z.iso.datetime(),
  endsAtUtc: z.iso.datetime(),
  capacity: z.number().int().nullable(),
  placesLeft: z.number().int().nullable().describe('null where the session is uncapped'),
});

export const eventView = z
  .object({
    eventId: z.string(),
    title: z.string(),
    status: z.enum(['draft', 'published', 'cancelled']),
    timezone: z.string(),
    startsAt: wallClock.describe('Wall-clock time in `timezone`'),
    endsAt: wallClock,
    startsAtUtc: z.iso.datetime().describe('The same instant in UTC'),
    endsAtUtc: z.iso.datetime(),
    venue: z.object({ name: z.string(), address: z.string().optional() }),
    capacity: z.number().int(),
    placesLeft: z.number().int(),
    sessions: z.array(sessionView),
    reminders: z.array(reminder),
    survey: survey.optional(),
    contact: z.object({ name: z.string(), email: z.string() }).optional(),
    ignoreEmailTags: z.boolean().optional(),
    publishedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    finished: z
      .literal(true)
      .optional()
      .describe('A published event whose day is over (it stays published; registration is closed)'),
  })
  .meta({ id: 'Event' });

export const updateEventResponse = eventView
  .extend({
    changed: z.array(z.string()).describe('Fields the request changed'),
    skippedReminders: skippedReminders.describe(
      'Reminder steps of a published event that this change leaves in the past (new, or moved there): they will not be sent. A draft reports its steps when it is published',
    ),
    delegatesNotified: z
      .boolean()
      .describe(
        'True when the change is mailed, with an updated calendar invite, to the confirmed and waitlisted delegates it concerns (a workshop moved concerns those in it)',
      ),
    promoted: z
      .number()
      .int()
      .describe(
        'How many waiting delegates a raised capacity promotes (oldest first, each told by mail), counted at the change',
      ),
  })
  .meta({ id: 'UpdatedEvent' });
