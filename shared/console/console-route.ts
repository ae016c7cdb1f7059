import type { AuditAction } from '../domain/audit/audit-record';
import type { RouteAuth } from '../http/claims';

/**
 * One route of the console: a page (GET) or a form's post (POST), and who may use it. Each console area
 * declares its routes once, as a table of these; the wiring serves them and the area's function enforces
 * them (console-handler.ts), so a route and its group cannot drift apart.
 */
export interface ConsoleRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly auth: RouteAuth;
  /** What the route records in the event's audit when it succeeds (shared/use-cases/audit). */
  readonly audit?: AuditAction;
}

export type ConsoleRoutes = Readonly<Record<string, ConsoleRoute>>;

export const routeKeyOf = (route: ConsoleRoute): string => `${route.method} ${route.path}`;
