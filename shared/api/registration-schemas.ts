import { z } from 'zod';
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
    name: line(200).regex(/^[^<>]*$/, 'A name cannot contain < or >'),
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

export const registrationAccepted = z
  .object({ registrationId: z.string(), status: z.literal('pending') })
  .meta({ id: 'RegistrationAccepted' });

export const registrationPath = z.strictObject({ registrationId: pathId });
export const eventRegistrationPath = z.strictObject({ eventId: pathId, registrationId: pathId });

export const registrationStatus = z
  .object({
    registrationId: z.string(),
    eventId: z.string(),
    status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected']),
    sessions: z.array(z.object({ sessionId: z.string(), status: z.enum(['confirmed', 'waitlisted']) })),
    attended: z.boolean().optional(),
  })
  .meta({ id: 'RegistrationStatus' });

export const cancelRequest = z
  .strictObject({ token: z.string().min(1).max(1024) })
  .meta({ id: 'CancelRequest' });
export const cancelAccepted = z
  .object({ registrationId: z.string(), status: z.literal('cancelled') })
  .meta({ id: 'CancelAccepted' });

export const checkInRequest = z.strictObject({ registrationId: pathId }).meta({ id: 'CheckInRequest' });
export const checkInResponse = z
  .object({ registrationId: z.string(), status: z.literal('attended') })
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
