import type * as z from '../../zod';

/**
 * One JSON route as OpenAPI shows it. Who may call it is not here: the wiring declares a route's audience
 * once, and the document looks it up there (openApiDocument's `served`).
 */
export interface RouteSuccess {
  readonly status: number;
  readonly schema?: z.core.$ZodType;
  readonly description: string;
}

export interface RouteDoc {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.core.$ZodType;
  readonly success: RouteSuccess;
  /** A second success the client may ask for (a body for a `Prefer: return=representation`). */
  readonly alsoSuccess?: RouteSuccess;
  /** Error statuses this route can answer besides 400 for bad input. */
  readonly errors: readonly number[];
}
