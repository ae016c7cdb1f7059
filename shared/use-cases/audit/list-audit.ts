import { auditRepository, BadCursorError, type AuditPage } from '../../adapters/dynamo/audit-repository';
import { invalid } from '../../domain/errors';
import { loadConference } from '../load-conference';

/** Records a page holds unless the client asks for fewer. */
export const AUDIT_PAGE_SIZE = 50;

/** An event's audit, newest first, a page at a time; an unknown event is a 404. */
export const listAudit = async (
  eventId: string,
  page: { readonly limit?: number; readonly after?: string } = {},
): Promise<AuditPage & { readonly eventId: string }> => {
  await loadConference(eventId);
  try {
    return { eventId, ...(await auditRepository.page(eventId, page.limit ?? AUDIT_PAGE_SIZE, page.after)) };
  } catch (error) {
    if (error instanceof BadCursorError) {
      throw invalid([{ path: 'after', message: 'Not a position in this list: use the `next` of a page' }]);
    }
    throw error;
  }
};
