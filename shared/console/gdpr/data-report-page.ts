import { formatMomentForUk } from '../../domain/wall-clock';
import type { HttpResult } from '../../http/respond';
import { dataReport } from '../../use-cases/gdpr/data-report';
import { loadConference } from '../../use-cases/load-conference';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';

/** The event's personal data: what is held, how many records, where, and when it expires. */
export const dataReportPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const { conference } = await loadConference(eventId);
  const report = await dataReport(eventId);
  const when = (iso: string | null): string =>
    iso === null ? '' : formatMomentForUk(new Date(iso), conference.timezone);
  return consolePage(request, 'registrations/data-report.njk', {
    title: 'Personal data',
    event: { id: eventId, title: conference.title, section: 'data' },
    retentionDays: report.retentionDays,
    expires: when(report.expiresAt),
    rows: report.held.map((h) => ({
      what: h.what,
      where: h.where,
      records: h.records === null ? 'Not counted per event' : String(h.records),
      expires: h.records === 0 ? '' : h.expiresAt === null ? (h.note ?? 'Kept') : when(h.expiresAt),
      note: h.expiresAt === null ? undefined : h.note,
      waiting: h.notYetStamped,
    })),
  });
};
