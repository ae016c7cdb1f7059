import { createHash } from 'node:crypto';
import type { FieldProblem } from '../errors';
import { DEFAULT_PURPOSE } from './audience';
import type { CampaignRequest } from './campaign';

/** A second campaign with the same content to the same audience within this time is likely a double click. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** How long a repeated POST with the same Idempotency-Key answers the first campaign. */
export const IDEMPOTENCY_KEPT_MS = 24 * 3_600_000;

const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;

const digest = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(sorted(value)))
    .digest('hex');

/** What makes two campaigns the same send: subject and text to the same audience, for the same purpose. */
export const contentFingerprint = (request: CampaignRequest): string =>
  digest({
    subject: request.subject,
    text: request.text,
    audience: { ...request.audience, status: [...request.audience.status].sort() },
    purpose: request.purpose ?? DEFAULT_PURPOSE,
  });

/** The whole request, so a key sent again with a different request is told apart from a retry. */
export const requestFingerprint = (request: CampaignRequest): string => digest(request);

/** An Idempotency-Key as clients send them (a UUID, usually): printable ASCII, 1 to 255 characters. */
export const idempotencyKeyProblems = (key: string | undefined): FieldProblem[] =>
  key === undefined || /^[\x21-\x7e]{1,255}$/.test(key)
    ? []
    : [{ path: 'Idempotency-Key', message: 'Must be 1 to 255 printable ASCII characters without spaces' }];
