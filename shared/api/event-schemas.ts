import * as z from '../zod';
import { pathId, text, timeOfDay, wallClock } from './common';

const session = z.strictObject({
  id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1-40 letters, digits, - or _'))),
  title: text(200),
  kind: z.enum(['keynote', 'workshop', 'networking']),
  startsAt: wallClock,
  endsAt: wallClock,
  capacity: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
});

const reminder = z.strictObject({
  daysBefore: z.number().check(z.int(), z.gte(0), z.lte(365)),
  at: timeOfDay,
  subject: z.optional(text(200)),
  text: z.optional(text(5000)),
});

export const surveyQuestion = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1-40 letters, digits, - or _')),
  kind: z.enum(['rating', 'nps', 'choice', 'text']),
  prompt: text(500),
  options: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(20))),
  required: z.optional(z.boolean()),
});

const survey = z.strictObject({
  daysAfter: z.number().check(z.int(), z.gte(0), z.lte(60)),
  at: timeOfDay,
  questions: z.array(surveyQuestion).check(z.minLength(1), z.maxLength(50)),
  closesAfterDays: z
    .optional(z.number().check(z.int(), z.gte(1), z.lte(90)))
    .check(z.describe('Days the survey takes answers after the invitation is due (default 14); then 410')),
  reminder: z
    .optional(z.strictObject({ daysAfter: z.number().check(z.int(), z.gte(0), z.lte(90)), at: timeOfDay }))
    .check(
      z.describe(
        "A reminder to invited delegates who have not answered, `daysAfter` the event's last day at `at`",
      ),
    ),
});

const contact = z
  .strictObject({ name: text(200), email: z.email().check(z.maxLength(254)) })
  .check(
    z.describe(
      'Whom delegates ask about the event: mails say "Questions? Contact {name} at {email}" and replies go there (the sender\'s name and address when not given)',
    ),
  );

const eventFields = {
  title: text(200),
  timezone: z.string().check(z.minLength(1), z.maxLength(64)),
  startsAt: wallClock,
  endsAt: wallClock,
  venue: z.strictObject({ name: text(200), address: z.optional(text(500)) }),
  capacity: z.number().check(z.int(), z.gte(1), z.lte(100_000)),
  sessions: z.array(session).check(z.maxLength(60)),
  reminders: z.array(reminder).check(z.maxLength(20)),
  survey: survey,
  contact,
  ignoreEmailTags: z
    .boolean()
    .check(
      z.describe(
        'true (the default): addresses differing only in a plus tag (victim+7@) count as one when checking "already registered"; the mail goes to the address as typed',
      ),
    ),
};

export const createEventRequest = z
  .strictObject({
    ...eventFields,
    sessions: z.optional(eventFields.sessions),
    reminders: z.optional(eventFields.reminders),
    survey: z.optional(eventFields.survey),
    contact: z.optional(eventFields.contact),
    ignoreEmailTags: z.optional(eventFields.ignoreEmailTags),
    teamId: z
      .optional(z.string().check(z.maxLength(40)))
      .check(z.describe('The organising team the event is for: required of a caller in several teams')),
  })
  .check(z.meta({ id: 'CreateEventRequest' }));
export type CreateEventRequest = z.infer<typeof createEventRequest>;

export const updateEventRequest = z
  .strictObject({
    title: z.optional(eventFields.title),
    timezone: z.optional(eventFields.timezone),
    startsAt: z.optional(eventFields.startsAt),
    endsAt: z.optional(eventFields.endsAt),
    venue: z.optional(eventFields.venue),
    capacity: z.optional(eventFields.capacity),
    sessions: z.optional(eventFields.sessions),
    reminders: z.optional(eventFields.reminders),
    survey: z.optional(eventFields.survey),
    contact: z.optional(eventFields.contact),
    ignoreEmailTags: z.optional(eventFields.ignoreEmailTags),
    notify: z
      .optional(z.boolean())
      .check(
        z.describe(
          "false: do not tell the delegates of this change (a typo fix). A change of date, times, venue or a session's time is otherwise mailed to every confirmed and waitlisted delegate with an updated calendar invite",
        ),
      ),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, { message: 'Give at least one field to change' }))
  .check(z.meta({ id: 'UpdateEventRequest' }));
export type UpdateEventRequest = z.infer<typeof updateEventRequest>;

export const eventPath = z.strictObject({ eventId: pathId });

export const createEventResponse = z
  .object({ eventId: z.string(), status: z.literal('draft') })
  .check(z.meta({ id: 'CreateEventResponse' }));

export const skippedReminders = z
  .array(
    z
      .object({
        daysBefore: z.number().check(z.int()),
        at: timeOfDay,
        dueAt: z.iso.datetime().check(z.describe('When the step would have been due (UTC)')),
      })
      .check(z.meta({ id: 'SkippedReminder' })),
  )
  .check(z.describe('Reminder steps whose time had passed: they are not scheduled and will not be sent'));

export const publishEventResponse = z
  .object({ status: z.literal('published'), skippedReminders })
  .check(z.meta({ id: 'PublishEventResponse' }));

export const cancelEventResponse = z
  .object({ status: z.literal('cancelled'), cancelledAt: z.iso.datetime() })
  .check(z.meta({ id: 'CancelEventResponse' }));

const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['keynote', 'workshop', 'networking']),
  startsAt: wallClock,
  endsAt: wallClock,
  startsAtUtc: z.iso.datetime(),
  endsAtUtc: z.iso.datetime(),
  capacity: z.nullable(z.number().check(z.int())),
  placesLeft: z.nullable(z.number().check(z.int())).check(z.describe('null where the session is uncapped')),
});

/**
 * The event object before its id is registered: `z.extend` copies an object's checks, and zod/mini's
 * `z.meta` is one, so extending `eventView` itself would register the extension under the id 'Event' too.
 */
const eventViewObject = z.object({
  eventId: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'cancelled']),
  timezone: z.string(),
  startsAt: wallClock.check(z.describe('Wall-clock time in `timezone`')),
  endsAt: wallClock,
  startsAtUtc: z.iso.datetime().check(z.describe('The same instant in UTC')),
  endsAtUtc: z.iso.datetime(),
  venue: z.object({ name: z.string(), address: z.optional(z.string()) }),
  capacity: z.number().check(z.int()),
  placesLeft: z.number().check(z.int()),
  sessions: z.array(sessionView),
  reminders: z.array(reminder),
  survey: z.optional(survey),
  contact: z.optional(z.object({ name: z.string(), email: z.string() })),
  ignoreEmailTags: z.optional(z.boolean()),
  publishedAt: z.optional(z.iso.datetime()),
  cancelledAt: z.optional(z.iso.datetime()),
  finished: z
    .optional(z.literal(true))
    .check(z.describe('A published event whose day is over (it stays published; registration is closed)')),
});

export const eventView = eventViewObject.check(z.meta({ id: 'Event' }));

export const updateEventResponse = z
  .extend(eventViewObject, {
    changed: z.array(z.string()).check(z.describe('Fields the request changed')),
    skippedReminders: skippedReminders.check(
      z.describe(
        'Reminder steps of a published event that this change leaves in the past (new, or moved there): they will not be sent. A draft reports its steps when it is published',
      ),
    ),
    delegatesNotified: z
      .boolean()
      .check(
        z.describe(
          'True when the change is mailed, with an updated calendar invite, to the confirmed and waitlisted delegates it concerns (a workshop moved concerns those in it)',
        ),
      ),
    promoted: z
      .number()
      .check(z.int())
      .check(
        z.describe(
          'How many waiting delegates a raised capacity promotes (oldest first, each told by mail), counted at the change',
        ),
      ),
  })
  .check(z.meta({ id: 'UpdatedEvent' }));
