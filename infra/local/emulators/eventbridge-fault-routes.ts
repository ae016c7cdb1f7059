/**
 * The local stack's control of the bus's PutEvents failures (README, "Nothing lost between a write and its
 * event"): GET /local/bus/faults (settings and what was injected), POST to set, DELETE to stop.
 */
import * as z from '../../../shared/zod';
import type { LocalResponse } from '../http-server';
import type { PutEventsFaults } from './eventbridge-faults';

const faultRequest = z.strictObject({
  rate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  count: z.optional(z.number().check(z.int(), z.gte(0))),
  kind: z.optional(z.enum(['whole', 'partial', 'mixed'])),
  seed: z.optional(z.number().check(z.int())),
});

const state = (faults: PutEventsFaults): LocalResponse => ({
  status: 200,
  body: { settings: faults.current(), injected: faults.injected() },
});

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body || '{}');
  } catch {
    return undefined;
  }
};

/** The answer to a /local/bus/faults route, or undefined for any other route. */
export const busFaultRoute = (
  faults: PutEventsFaults | undefined,
  route: string,
  body: string,
): LocalResponse | undefined => {
  if (!faults || !route.endsWith(' /local/bus/faults')) return undefined;
  switch (route) {
    case 'GET /local/bus/faults':
      return state(faults);
    case 'POST /local/bus/faults': {
      const parsed = faultRequest.safeParse(parseJson(body));
      if (!parsed.success) {
        return {
          status: 400,
          body: {
            error: {
              code: 'invalid_request',
              message:
                'Send {"rate"?: 0-1, "count"?: whole number, "kind"?: "whole" | "partial" | "mixed", "seed"?: integer}.',
              details: [],
            },
          },
        };
      }
      faults.set(parsed.data);
      faults.resetCounts();
      return state(faults);
    }
    case 'DELETE /local/bus/faults':
      faults.clear();
      return state(faults);
    default:
      return undefined;
  }
};
