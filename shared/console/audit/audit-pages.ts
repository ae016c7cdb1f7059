import { auditQuery } from '../../api/audit-schemas';
import { timezoneNote } from '../../domain/wall-clock';
import { now } from '../../clock';
import { listAudit } from '../../use-cases/audit/list-audit';
import { loadConference } from '../../use-cases/load-conference';
import type { ConsolePages } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { consoleProblem } from '../console-problem';
import type { auditRoutes } from './audit-routes';
import { auditRows } from './audit-view';

export const auditPages: ConsolePages<typeof auditRoutes> = {
  audit: async (request) => {
    const eventId = request.params.eventId ?? '';
    const query = auditQuery.safeParse({ after: request.query.after });
    if (!query.success)
      return consoleProblem(400, 'That page of the audit does not exist. Go back to the newest.');
    const [{ conference }, page] = await Promise.all([
      loadConference(eventId),
      listAudit(eventId, query.data),
    ]);
    const here = consoleUrls.section(eventId, 'audit');
    return consolePage(request, 'audit/audit.njk', {
      title: 'Audit',
      event: { id: eventId, title: conference.title, section: 'audit' },
      rows: auditRows(page.records, conference.timezone),
      zoneNote: timezoneNote(conference.timezone, now()) ?? 'Times are UK time.',
      olderUrl: page.next ? `${here}?${new URLSearchParams({ after: page.next })}` : undefined,
      newestUrl: query.data.after ? here : undefined,
    });
  },
};
