import * as z from 'zod';
import { nameProblem } from '../domain/abuse/sign-up-rules';
import { pathId } from './common';

/** One line of text a person typed: no control characters (CR/LF could forge mail headers). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters could forge mail headers; bidi overrides could disguise a name.
    .regex(
      /^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u,
      'Must be one line of text without control characters',
    );

/** Free text (access needs): line breaks allowed, other control characters not. */
const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Must not contain control characters');

export const registrationRequest = z
  .strictObject({
    name: line(200)
      .regex(/^[^<>]*$/, 'A name cannot contain < or >')
      // Refused wherever a name is taken (registration, walk-in, substitution): see nameProblem.
      .superRefine((name, ctx) => {
        const problem = nameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    email: z.string().trim().max(254).pipe(z.email('Not a valid email address')),
    organisation: line(200).optional(),
    role: line(100).optional(),
    sessions: z.array(pathId).max(20).optional(),
    accessNeeds: note(1000).optional(),
    dietary: note(500).optional(),
    consent: z.strictObject({ updates: z.boolean() }).optional(),
  })
  .meta({ id: 'RegistrationRequest' });
export type RegistrationRequestBody = z.infer<typeof registrationRequest>;

/** An organiser's booking: the delegate's body plus what only organisers may ask for. */
export const organiserRegistrationRequest = registrationRequest
  .extend({
    overbook: z
      .boolean()
      .optional()
      .describe('Confirm even when the event or a chosen workshop is full, bypassing the waiting list'),
    checkIn: z.boolean().optional().describe('A walk-in: registered and checked in in one step'),
  })
  .meta({ id: 'OrganiserRegistrationRequest' });

export const organiserBooking = z
  .object({
    registrationId: z.string(),
    status: z.enum(['confirmed', 'waitlisted', 'rejected']),
    overbooked: z.boolean().describe('True when a place was taken beyond capacity (overbook)'),
    checkedIn: z.boolean().describe('True when the delegate was checked in by this request'),
  })
  .meta({ id: 'OrganiserBooking' });

/** A colleague takes the delegate's place: the place and sessions stay, the booking goes to them. */
export const substitutionRequest = z
  .strictObject({
    name: registrationRequest.shape.name,
    email: registrationRequest.shape.email,
    organisation: registrationRequest.shape.organisation,
    role: registrationRequest.shape.role,
  })
  .meta({ id: 'SubstitutionRequest' });

export const substitutionAccepted = z
  .object({
    registrationId: z.string(),
    status: z.enum(['confirmed', 'waitlisted']),
    substituted: z.literal(true),
  })
  .meta({ id: 'SubstitutionAccepted' });

export const registrationAccepted = z
  .object({ registrationId: z.string(), status: z.literal('pending') })
  .meta({ id: 'RegistrationAccepted' });

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
    attended: z.boolean().optional(),
    erased: z.boolean().optional().describe("True once the delegate's personal data was erased"),
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
      .describe(
        'Every session the delegate attends or waits for, in time order: once confirmed, every session without a capacity as well as the choices in `sessions`',
      ),
  })
  .meta({ id: 'RegistrationStatus' });

const sessionChoice = z.array(pathId).max(20);

export const sessionChangeRequest = z
  .strictObject({ token: z.string().min(1).max(1024), sessions: sessionChoice })
  .meta({ id: 'SessionChangeRequest' });
export const organiserSessionChangeRequest = z
  .strictObject({ sessions: sessionChoice })
  .meta({ id: 'OrganiserSessionChangeRequest' });
export const sessionChangeAccepted = z
  .object({ registrationId: z.string(), sessions: z.array(z.string()), status: z.literal('accepted') })
  .meta({ id: 'SessionChangeAccepted' });

export const cancelRequest = z
  .strictObject({ token: z.string().min(1).max(1024) })
  .meta({ id: 'CancelRequest' });
export const cancelAccepted = z
  .object({ registrationId: z.string(), status: z.literal('cancelled') })
  .meta({ id: 'CancelAccepted' });

export const checkInRequest = z
  .strictObject({
    registrationId: pathId.optional(),
    code: z
      .string()
      .max(32)
      .optional()
      .describe("The check-in code from the delegate's confirmation mail (case, spaces and hyphens ignored)"),
  })
  .refine((b) => (b.registrationId === undefined) !== (b.code === undefined), {
    message: 'Send either registrationId or code',
  })
  .meta({ id: 'CheckInRequest' });
export const checkInResponse = z
  .object({
    registrationId: z.string(),
    status: z.literal('attended'),
    alreadyCheckedIn: z.boolean(),
    checkedInAt: z.string(),
  })
  .meta({ id: 'CheckInResponse' });

export const registrationList = z
  .object({
    eventId: z.string(),
    registrations: z.array(
      z.object({
        registrationId: z.string(),
        status: z.string(),
        attended: z.boolean(),
        requestedAt: z.string(),
        name: z.string().optional(),
        email: z.string().optional(),
        organisation: z.string().nullable().optional(),
        role: z.string().nullable().optional(),
        dietary: z.string().nullable().optional(),
        accessNeeds: z.string().nullable().optional(),
        consent: z.object({ updates: z.boolean() }).optional(),
        erased: z.boolean().optional(),
        sessions: z.array(z.object({ sessionId: z.string(), title: z.string(), status: z.string() })),
      }),
    ),
  })
  .meta({ id: 'RegistrationList' });
