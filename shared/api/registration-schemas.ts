import * as z from '../zod';
import { nameProblem } from '../domain/abuse/sign-up-rules';
import { pathId } from './common';

/** One line of text a person typed: no control characters (CR/LF could forge mail headers). */
const line = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    // Control characters could forge mail headers; bidi overrides could disguise a name.
    z.regex(
      /^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u,
      'Must be one line of text without control characters',
    ),
  );

/** Free text (access needs): line breaks allowed, other control characters not. */
const note = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Must not contain control characters'),
  );

/**
 * The delegate's body before its id is registered: `z.extend` copies an object's checks, and zod/mini's
 * `z.meta` is one, so extending `registrationRequest` itself would register the extension under the id
 * 'RegistrationRequest' too.
 */
const registrationRequestObject = z.strictObject({
  name: line(200).check(
    z.regex(/^[^<>]*$/, 'A name cannot contain < or >'),
    // Refused wherever a name is taken (registration, walk-in, substitution): see nameProblem.
    z.superRefine((name, ctx) => {
      const problem = nameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
  email: z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email('Not a valid email address')),
  organisation: z.optional(line(200)),
  role: z.optional(line(100)),
  sessions: z.optional(z.array(pathId).check(z.maxLength(20))),
  accessNeeds: z.optional(note(1000)),
  dietary: z.optional(note(500)),
  consent: z.optional(z.strictObject({ updates: z.boolean() })),
});

export const registrationRequest = registrationRequestObject.check(z.meta({ id: 'RegistrationRequest' }));
export type RegistrationRequestBody = z.infer<typeof registrationRequest>;

/** An organiser's booking: the delegate's body plus what only organisers may ask for. */
export const organiserRegistrationRequest = z
  .extend(registrationRequestObject, {
    overbook: z
      .optional(z.boolean())
      .check(
        z.describe('Confirm even when the event or a chosen workshop is full, bypassing the waiting list'),
      ),
    checkIn: z.optional(z.boolean()).check(z.describe('A walk-in: registered and checked in in one step')),
  })
  .check(z.meta({ id: 'OrganiserRegistrationRequest' }));

export const organiserBooking = z
  .object({
    registrationId: z.string(),
    status: z.enum(['confirmed', 'waitlisted', 'rejected']),
    overbooked: z.boolean().check(z.describe('True when a place was taken beyond capacity (overbook)')),
    checkedIn: z.boolean().check(z.describe('True when the delegate was checked in by this request')),
  })
  .check(z.meta({ id: 'OrganiserBooking' }));

/** A colleague takes the delegate's place: the place and sessions stay, the booking goes to them. */
export const substitutionRequest = z
  .strictObject({
    name: registrationRequest.shape.name,
    email: registrationRequest.shape.email,
    organisation: registrationRequest.shape.organisation,
    role: registrationRequest.shape.role,
  })
  .check(z.meta({ id: 'SubstitutionRequest' }));

export const substitutionAccepted = z
  .object({
    registrationId: z.string(),
    status: z.enum(['confirmed', 'waitlisted']),
    substituted: z.literal(true),
  })
  .check(z.meta({ id: 'SubstitutionAccepted' }));

export const registrationAccepted = z
  .object({ registrationId: z.string(), status: z.literal('pending') })
  .check(z.meta({ id: 'RegistrationAccepted' }));

/** What POST /events/{eventId}/registrations answers: pending for the public, decided for an organiser. */
export const registrationAnswer = z.union([registrationAccepted, organiserBooking]);

export const registrationPath = z.strictObject({ registrationId: pathId });
export const eventRegistrationPath = z.strictObject({ eventId: pathId, registrationId: pathId });

export const registrationStatus = z
  .object({
    registrationId: z.string(),
    eventId: z.string(),
    status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected']),
    sessions: z.array(z.object({ sessionId: z.string(), status: z.enum(['confirmed', 'waitlisted']) })),
    attended: z.optional(z.boolean()),
    erased: z.optional(z.boolean()).check(z.describe("True once the delegate's personal data was erased")),
    day: z
      .array(
        z.object({
          sessionId: z.string(),
          title: z.string(),
          kind: z.enum(['keynote', 'workshop', 'networking']),
          startsAtUtc: z.string(),
          endsAtUtc: z.string(),
          status: z.enum(['confirmed', 'waitlisted']),
          chosen: z.boolean(),
        }),
      )
      .check(
        z.describe(
          'Every session the delegate attends or waits for, in time order: once confirmed, every session without a capacity as well as the choices in `sessions`',
        ),
      ),
  })
  .check(z.meta({ id: 'RegistrationStatus' }));

const sessionChoice = z.array(pathId).check(z.maxLength(20));

export const sessionChangeRequest = z
  .strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1024)), sessions: sessionChoice })
  .check(z.meta({ id: 'SessionChangeRequest' }));
export const organiserSessionChangeRequest = z
  .strictObject({ sessions: sessionChoice })
  .check(z.meta({ id: 'OrganiserSessionChangeRequest' }));
export const sessionChangeAccepted = z
  .object({ registrationId: z.string(), sessions: z.array(z.string()), status: z.literal('accepted') })
  .check(z.meta({ id: 'SessionChangeAccepted' }));

export const cancelRequest = z
  .strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1024)) })
  .check(z.meta({ id: 'CancelRequest' }));
export const cancelAccepted = z
  .object({ registrationId: z.string(), status: z.literal('cancelled') })
  .check(z.meta({ id: 'CancelAccepted' }));

export const checkInRequest = z
  .strictObject({
    registrationId: z.optional(pathId),
    code: z
      .optional(z.string().check(z.maxLength(32)))
      .check(
        z.describe(
          "The check-in code from the delegate's confirmation mail (case, spaces and hyphens ignored)",
        ),
      ),
  })
  .check(
    z.refine((b) => (b.registrationId === undefined) !== (b.code === undefined), {
      message: 'Send either registrationId or code',
    }),
  )
  .check(z.meta({ id: 'CheckInRequest' }));
export const checkInResponse = z
  .object({
    registrationId: z.string(),
    status: z.literal('attended'),
    alreadyCheckedIn: z.boolean(),
    checkedInAt: z.string(),
  })
  .check(z.meta({ id: 'CheckInResponse' }));

export const registrationList = z
  .object({
    eventId: z.string(),
    registrations: z.array(
      z.object({
        registrationId: z.string(),
        status: z.string(),
        attended: z.boolean(),
        requestedAt: z.string(),
        name: z.optional(z.string()),
        email: z.optional(z.string()),
        organisation: z.optional(z.nullable(z.string())),
        role: z.optional(z.nullable(z.string())),
        dietary: z.optional(z.nullable(z.string())),
        accessNeeds: z.optional(z.nullable(z.string())),
        consent: z.optional(z.object({ updates: z.boolean() })),
        erased: z.optional(z.boolean()),
        sessions: z.array(z.object({ sessionId: z.string(), title: z.string(), status: z.string() })),
      }),
    ),
  })
  .check(z.meta({ id: 'RegistrationList' }));
