import * as z from 'zod';
import { AuditActions } from '../domain/audit/audit-record';

/** `GET /events/{eventId}/audit?limit=&after=`: a page of the event's audit, newest first. */
export const auditQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'A whole number from 1 to 100')
    .transform(Number)
    .pipe(z.number().int().min(1, 'At least 1').max(100, 'At most 100'))
    .optional()
    .describe('Records a page holds, 1 to 100 (default 50)'),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'The `next` of the page before')
    .optional()
    .describe("The previous page's `next`: the page after it"),
});

export const auditRecordBody = z
  .object({
    auditId: z.string(),
    eventId: z.string(),
    action: z.enum(AuditActions),
    at: z.string().describe('When the answer was given (ISO instant)'),
    via: z.enum(['api', 'console']).describe('Through the JSON API or the console'),
    actor: z
      .object({
        subject: z.string().describe("The token's subject (the user pool's id of the person)"),
        email: z.string().optional(),
        username: z.string().optional(),
      })
      .describe('Who: the signed-in person, as their token names them'),
    registrationId: z.string().optional().describe('The registration erased or checked in (never a name)'),
    campaignId: z.string().optional(),
    format: z.enum(['json', 'csv']).optional().describe("An export's format"),
    includeNeeds: z.boolean().optional().describe('An export that included access and dietary needs'),
  })
  .meta({ id: 'AuditRecord' });

export const auditPage = z
  .object({
    eventId: z.string(),
    records: z.array(auditRecordBody).describe('Newest first'),
    next: z.string().optional().describe('Give as `after` for the next page; absent on the last page'),
  })
  .meta({ id: 'AuditPage' });
