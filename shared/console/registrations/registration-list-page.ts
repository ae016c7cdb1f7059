import { includesNeeds } from '../../domain/gdpr/needs';
import { badgeListCsv } from '../../domain/registration/badge-list';
import {
  eventCounts,
  foldForSearch,
  matchesFilter,
  workshopCounts,
  type ListedRegistration,
} from '../../domain/registration/registration-search';
import { download, type HttpResult } from '../../http/respond';
import { loadConference } from '../../use-cases/load-conference';
import { listRegistrations } from '../../use-cases/registrations/export';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { registrationLinks } from './registration-links';
import { filterOf } from './registration-filter';
import { filterStatuses, statusTagOf } from './registration-words';

const select = (items: readonly { value: string; text: string }[], chosen: string | undefined) =>
  items.map((item) => ({ ...item, selected: item.value === (chosen ?? '') }));

/** The event's registrations: counts per workshop, the search and filters, the table. */
export const registrationListPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  const { conference } = await loadConference(eventId);
  const { registrations } = await listRegistrations(eventId);
  const capped = conference.sessions.filter((s) => s.capacity !== undefined);
  const filter = filterOf(
    request.query,
    capped.map((s) => s.id),
  );
  const shown = registrations.filter((r) => matchesFilter(r, filter));
  const filtered = Object.keys(filter).length > 0;
  const attended = filter.attended === undefined ? '' : filter.attended ? 'yes' : 'no';
  return consolePage(request, 'registrations/list.njk', {
    title: 'Registrations',
    event: { id: eventId, title: conference.title, section: 'registrations' },
    counts: { ...eventCounts(registrations), capacity: conference.capacity },
    workshops: workshopCounts(conference.sessions, registrations),
    filter: {
      q: filter.q ?? '',
      statuses: select(
        [
          { value: '', text: 'Any status' },
          ...filterStatuses.map((s) => ({ value: s, text: statusTagOf(s).text })),
        ],
        filter.status,
      ),
      workshops: select(
        [{ value: '', text: 'Any workshop' }, ...capped.map((s) => ({ value: s.id, text: s.title }))],
        filter.workshop,
      ),
      attended: select(
        [
          { value: '', text: 'Checked in or not' },
          { value: 'yes', text: 'Checked in' },
          { value: 'no', text: 'Not checked in' },
        ],
        attended,
      ),
    },
    filtered,
    total: registrations.length,
    rows: shown.map((r) => {
      const who: ListedRegistration = r;
      return {
        url: registrationLinks.delegate(eventId, r.registrationId),
        name: who.name ?? 'Erased delegate',
        email: who.email ?? '',
        organisation: who.organisation ?? '',
        status: statusTagOf(r.status),
        attended: r.attended,
        sessions: r.sessions.map((s) => ({ title: s.title, waiting: s.status !== 'confirmed' })),
        search: foldForSearch([who.name, who.email, who.organisation].filter(Boolean).join(' ')),
      };
    }),
    clearUrl: registrationLinks.list(eventId),
    newDelegateUrl: registrationLinks.newDelegate(eventId),
    suspectedUrl: `${registrationLinks.list(eventId)}/suspected`,
    csvUrl: registrationLinks.csv(eventId),
  });
};

/** The same CSV as GET /events/{eventId}/registrations with Accept: text/csv, as a download. */
export const registrationCsv = async (request: ConsoleRequest): Promise<HttpResult> => {
  const needs = includesNeeds(request.query.include);
  const list = await listRegistrations(request.params.eventId ?? '', { needs });
  return download(
    'text/csv; charset=utf-8',
    `registrations-${list.eventId}.csv`,
    badgeListCsv(list.registrations, { needs }),
  );
};
