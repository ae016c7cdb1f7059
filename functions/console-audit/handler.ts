import { auditPages } from '../../shared/console/audit/audit-pages';
import { auditRoutes } from '../../shared/console/audit/audit-routes';
import { consoleHandler } from '../../shared/console/console-handler';

export const handler = consoleHandler(auditRoutes, auditPages);
