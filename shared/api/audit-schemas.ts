import * as z from '../zod';
import { AuditActions } from '../domain/audit/audit-record';

/** `GET /events/{eventId}/audit?limit=&after=`: a page of the event's audit, newest first. */
export const auditQuery = z.strictObject({
  limit: z
    .optional(
      z.pipe(
        z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'A whole number from 1 to 100')), z.transform(Number)),
        z.number().check(z.int(), z.gte(1, 'At least 1'), z.lte(100, 'At most 100')),
      ),
    )
    .check(z.describe('Records a page holds, 1 to 100 (default 50)')),
  after: z
    .optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'The `next` of the page before')))
    .check(z.describe("The previous page's `next`: the page after it")),
});

export const auditRecordBody = z
  .object({
    auditId: z.string(),
    eventId: z.string(),
    action: z.enum(AuditActions),
    at: z.string().check(z.describe('When the answer was given (ISO instant)')),
    via: z.enum(['api', 'console']).check(z.describe('Through the JSON API or the console')),
    actor: z
      .object({
        subject: z.string().check(z.describe("The token's subject (the user pool's id of the person)")),
        email: z.optional(z.string()),
        username: z.optional(z.string()),
      })
      .check(z.describe('Who: the signed-in person, as their token names them')),
    registrationId: z
      .optional(z.string())
      .check(z.describe('The registration erased or checked in (never a name)')),
    campaignId: z.optional(z.string()),
    format: z.optional(z.enum(['json', 'csv'])).check(z.describe("An export's format")),
    includeNeeds: z
      .optional(z.boolean())
      .check(z.describe('An export that included access and dietary needs')),
  })
  .check(z.meta({ id: 'AuditRecord' }));

export const auditPage = z
  .object({
    eventId: z.string(),
    records: z.array(auditRecordBody).check(z.describe('Newest first')),
    next: z
      .optional(z.string())
      .check(z.describe('Give as `after` for the next page; absent on the last page')),
  })
  .check(z.meta({ id: 'AuditPage' }));
