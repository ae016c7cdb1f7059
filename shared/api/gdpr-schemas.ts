import * as z from '../zod';

/** `?include=needs` on an export: access and dietary needs are left out without it. */
export const exportQuery = z.object({
  include: z
    .optional(z.string().check(z.maxLength(100)))
    .check(z.describe('`needs` to include access and dietary needs')),
});

export const dataReportSchema = z
  .object({
    eventId: z.string(),
    endsAt: z.string(),
    retentionDays: z.number().check(z.int()),
    expiresAt: z.string().check(z.describe("When the event's personal data expires (DynamoDB TTL)")),
    needsRetentionDays: z
      .number()
      .check(z.int(), z.describe('Days after the event ends its access and dietary needs are kept')),
    needsExpireAt: z
      .string()
      .check(z.describe("When the event's access and dietary needs expire (sooner than the rest)")),
    held: z.array(
      z.object({
        kind: z.string(),
        what: z.string(),
        where: z.string(),
        records: z.nullable(z.number().check(z.int())),
        expiresAt: z.nullable(z.string()),
        notYetStamped: z.optional(z.number().check(z.int())),
        note: z.optional(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: 'DataReport' }));

/** DELETE of a registration with `Prefer: return=representation` (else 204 with no body). */
export const erasureAnswerSchema = z
  .object({
    registrationId: z.string(),
    status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected']),
    erased: z.literal(true),
    surveyAnswered: z
      .boolean()
      .check(
        z.describe(
          'The delegate answered the survey: the answers are kept, not linked to them, and are not erased',
        ),
      ),
    note: z
      .optional(z.string())
      .check(z.describe('Said when they answered: any written answer may still identify them')),
  })
  .check(z.meta({ id: 'ErasureAnswer' }));
