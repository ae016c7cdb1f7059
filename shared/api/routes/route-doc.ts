import type { z } from 'zod';
import type { RouteAuth } from '../../http/claims';

export interface RouteDoc {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly success: { readonly status: number; readonly schema?: z.ZodType; readonly description: string };
  /** Error statuses this route can answer besides 400 for bad input. */
  readonly errors: readonly number[];
}
