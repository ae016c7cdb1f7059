import { dataReportSchema } from '../gdpr-schemas';
import type { RouteDoc } from './route-doc';

/** Personal data in bounds (UK GDPR). */
export const dataRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/events/{eventId}/data-report',
    summary:
      'What personal data is held for the event: each kind, how many records, where, and when it expires ' +
      '(DATA_RETENTION_DAYS after the event ends)',
    success: { status: 200, schema: dataReportSchema, description: 'The report' },
    errors: [404],
  },
];
