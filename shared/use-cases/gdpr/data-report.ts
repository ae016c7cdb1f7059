import { heldItems } from '../../adapters/dynamo/retention-stamps';
import { retention } from '../../adapters/retention-settings';
import { count, emptyTally, heldKind, keptElsewhere, type HeldKind } from '../../domain/gdpr/data-report';
import { FREE_TEXT_NOTE } from '../../domain/gdpr/notes';
import { expiriesAfter } from '../../domain/gdpr/retention';
import { loadConference } from '../load-conference';

/** The bus archive's retention and the longest log retention on AWS (messaging-stack.ts, convene-function.ts). */
const ARCHIVE_DAYS = 30;
const LOG_DAYS = 30;

/**
 * What personal data Convene holds for an event: each kind, how many records, where, and when it
 * expires (DynamoDB TTL, `DATA_RETENTION_DAYS` after the event ends; access and dietary needs
 * `NEEDS_RETENTION_DAYS` after). One query each of the event's registrations, needs and survey responses.
 */
export const dataReport = async (eventId: string) => {
  const { conference } = await loadConference(eventId);
  const settings = retention();
  const planned = expiriesAfter(conference.endsAt, settings);
  const tallies = {
    registrations: emptyTally(),
    needs: emptyTally(),
    erased: emptyTally(),
    responses: emptyTally(),
  };
  for await (const page of heldItems(eventId)) {
    for (const item of page) {
      if (item.kind === 'survey-response') count(tallies.responses, item.expiresAt);
      else if (item.kind === 'needs') count(tallies.needs, item.expiresAt);
      else if (!item.holdsDelegate) count(tallies.erased, item.expiresAt);
      else {
        count(tallies.registrations, item.expiresAt);
        // Needs written into the registration itself, before they had an item of their own.
        if (item.holdsNeeds) count(tallies.needs, item.expiresAt);
      }
    }
  }
  const where = 'DynamoDB table, one item per registration (REG#<id>)';
  const held: HeldKind[] = [
    heldKind(
      {
        kind: 'registrations',
        what: "Delegates' names, email addresses, school or organisation, role and consent to news",
        where,
      },
      tallies.registrations,
      planned.data,
    ),
    heldKind(
      {
        kind: 'needs',
        what: 'Access and dietary needs (special category data: health, religion)',
        where:
          'DynamoDB table, one item per delegate who gave any, beside the registration (REG#<id>, NEEDS)',
        note:
          `Kept ${settings.needsDays} days after the event ends, sooner than the rest. Never shown to the ` +
          'comms team; left out of exports unless asked for (include=needs).',
      },
      tallies.needs,
      planned.needs,
    ),
    heldKind(
      {
        kind: 'erased-registrations',
        what: 'Erased registrations: status, places and check-in, no personal data',
        where,
      },
      tallies.erased,
      planned.data,
    ),
    heldKind(
      {
        kind: 'survey-responses',
        what: 'Survey answers, kept apart from names and addresses',
        where: 'DynamoDB table (EVENT#<id>#SURVEY)',
        note: FREE_TEXT_NOTE,
      },
      tallies.responses,
      planned.data,
    ),
    ...keptElsewhere(ARCHIVE_DAYS, LOG_DAYS),
  ];
  return {
    eventId,
    endsAt: conference.endsAt,
    retentionDays: settings.days,
    expiresAt: new Date(planned.data * 1000).toISOString(),
    needsRetentionDays: settings.needsDays,
    needsExpireAt: new Date(planned.needs * 1000).toISOString(),
    held,
  };
};

export type DataReport = Awaited<ReturnType<typeof dataReport>>;
