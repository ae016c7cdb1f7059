import { actorText, auditActionText, type AuditRecord } from '../../domain/audit/audit-record';
import { formatMomentForUk } from '../../domain/wall-clock';
import { consoleUrls } from '../console-navigation';

export interface AuditRow {
  readonly when: string;
  readonly who: string;
  readonly what: string;
  readonly via: string;
  /** The registration or campaign it was about, by id (an erased delegate has no name to show). */
  readonly about?: { readonly text: string; readonly href?: string };
}

const aboutOf = (record: AuditRecord): AuditRow['about'] => {
  const event = consoleUrls.event(record.eventId);
  if (record.campaignId) {
    return { text: record.campaignId, href: `${event}/campaigns/${encodeURIComponent(record.campaignId)}` };
  }
  if (record.registrationId) {
    return record.action === 'registration.erased'
      ? { text: record.registrationId }
      : {
          text: record.registrationId,
          href: `${event}/registrations/${encodeURIComponent(record.registrationId)}`,
        };
  }
  return undefined;
};

/** The audit's rows as the console's table shows them, times in the event's zone. */
export const auditRows = (records: readonly AuditRecord[], zone: string): AuditRow[] =>
  records.map((record) => ({
    when: formatMomentForUk(new Date(record.at), zone),
    who: actorText(record.actor),
    what: auditActionText(record),
    via: record.via === 'api' ? 'API' : 'Console',
    about: aboutOf(record),
  }));
