import { BULK_MINIMUM, BULK_WINDOW_MINUTES } from '../../domain/abuse/bulk-sign-ups';
import { formatMomentForUk } from '../../domain/wall-clock';
import { seeOther, type HttpResult } from '../../http/respond';
import { bulkRemove } from '../../use-cases/abuse/bulk-remove';
import { suspectedBulkSignUps } from '../../use-cases/abuse/suspected-bulk';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { registrationLinks } from './registration-links';
import { statusTags } from './registration-words';

/** The page's address; its form posts to the same address. */
export const bulkSignUpsPath = (eventId: string): string => `${registrationLinks.list(eventId)}/suspected`;

/**
 * Suspected bulk sign-ups of an event: groups of registrations from one client in a burst, each with one
 * "Remove" action (erased, places given to those waiting, no mail to the removed addresses).
 */
export const bulkSignUpsPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const { conference, groups } = await suspectedBulkSignUps(eventId);
  const zone = conference.timezone;
  const removed = Number(request.query.removed);
  return consolePage(request, 'registrations/bulk-sign-ups.njk', {
    title: 'Suspected bulk sign-ups',
    event: { id: eventId, title: conference.title, section: 'registrations' },
    banner:
      request.query.removed !== undefined && Number.isInteger(removed)
        ? `${removed === 1 ? '1 registration was' : `${removed} registrations were`} removed. Their places have gone to those waiting.`
        : undefined,
    rule: { minimum: BULK_MINIMUM, minutes: BULK_WINDOW_MINUTES },
    action: bulkSignUpsPath(eventId),
    listUrl: registrationLinks.list(eventId),
    groups: groups.map((g, i) => ({
      number: i + 1,
      count: g.registrations.length,
      from: formatMomentForUk(new Date(g.from), zone),
      to: formatMomentForUk(new Date(g.to), zone),
      registrations: g.registrations.map((r) => ({
        id: r.registrationId,
        name: r.delegate?.name ?? '',
        email: r.delegate?.email ?? '',
        url: registrationLinks.delegate(eventId, r.registrationId),
        status: statusTags[r.status],
        at: formatMomentForUk(new Date(r.requestedAt), zone),
      })),
    })),
  });
};

/** "Remove these registrations": the group's ids, in one action. */
export const removeBulkSignUps = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const ids = request.form.all('registrationId').slice(0, 500);
  const { removed } = ids.length > 0 ? await bulkRemove(eventId, ids) : { removed: [] };
  return seeOther(`${bulkSignUpsPath(eventId)}?${new URLSearchParams({ removed: String(removed.length) })}`);
};
