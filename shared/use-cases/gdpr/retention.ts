import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import {
  heldItems,
  heldItemsOfRegistration,
  stampExpiry,
  type HeldItem,
} from '../../adapters/dynamo/retention-stamps';
import { retention } from '../../adapters/retention-settings';
import { expiriesAfter, type Expiries } from '../../domain/gdpr/retention';

/** What asks for a stamp: the whole event (published, or its end moved), or one new item of it. */
export type StampRequest =
  | { readonly eventId: string; readonly scope: 'event' }
  | { readonly eventId: string; readonly scope: 'registration'; readonly registrationId: string }
  | { readonly eventId: string; readonly scope: 'survey-responses' };

/** An item's expiry: needs have their own, shorter one; everything else the event's. */
const expiryOf = (item: Pick<HeldItem, 'kind'>, expiries: Expiries): number =>
  item.kind === 'needs' ? expiries.needs : expiries.data;

/** Moves the expiry of every mail recorded for a delegate with their registration's. */
const stampMailOf = async (registrationId: string, expiresAt: number): Promise<void> => {
  for await (const keys of ledgerRepository.keysOfRecipient(registrationId)) {
    await Promise.all(keys.map((key) => stampExpiry(key, expiresAt)));
  }
};

/**
 * Stamps the expiry (DynamoDB TTL) of an event's personal data: `DATA_RETENTION_DAYS` after the event
 * ends, and its delegates' access and dietary needs `NEEDS_RETENTION_DAYS` after. The whole event is
 * re-stamped when it is published or its end moves (the mail recorded for a delegate moving with their
 * registration), so a later end never lets data go early, nor an earlier one keep it longer. Idempotent:
 * the same end gives the same stamps.
 */
export const stampRetention = async (request: StampRequest): Promise<void> => {
  const found = await conferenceRepository.find(request.eventId);
  if (!found) return;
  const expiries = expiriesAfter(found.conference.endsAt, retention());
  if (request.scope === 'registration') {
    // Written with these expiries unless the event's end moved meanwhile: read first, write what differs.
    const own = await heldItemsOfRegistration(request.registrationId);
    const due = own.filter((i) => i.expiresAt !== expiryOf(i, expiries));
    await Promise.all(due.map((i) => stampExpiry(i.key, expiryOf(i, expiries))));
    return;
  }
  for await (const page of heldItems(request.eventId)) {
    const due = page.filter(
      (i) =>
        i.expiresAt !== expiryOf(i, expiries) && (request.scope === 'event' || i.kind === 'survey-response'),
    );
    await Promise.all(
      due.map(async (i) => {
        await stampExpiry(i.key, expiryOf(i, expiries));
        if (i.kind === 'registration' && i.registrationId) {
          await stampMailOf(i.registrationId, expiries.data);
        }
      }),
    );
  }
};
