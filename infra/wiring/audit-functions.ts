import { auditRoutes } from '../../shared/console/audit/audit-routes';
import type { FunctionSpec } from './types';

/**
 * An event's audit: the JSON list and its console page. What each audited route records is declared on
 * that route (`audit` on its trigger or console route), and written by one middleware after its answer.
 */
export const auditFunctions = {
  getAudit: {
    entry: 'get-audit',
    description:
      "Lists an event's audit, newest first: exports, erasures, campaigns, event changes, check-ins",
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/audit', auth: 'organisers' },
    access: { table: 'read' },
  },
  consoleAudit: {
    entry: 'console-audit',
    description: "The console's page of an event's audit",
    trigger: { kind: 'pages', routes: Object.values(auditRoutes) },
    // The link key signs the console's forms (sign out, in its frame).
    access: { table: 'read', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
