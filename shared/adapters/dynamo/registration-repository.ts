import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { splitNeeds, withNeeds, type Needs } from '../../domain/gdpr/needs';
import type { Expiries } from '../../domain/gdpr/retention';
import type { Delegate, Registration, SessionPlace } from '../../domain/registration';
import { documentClient, tableName } from './client';
import { EVENT_SCOPE, registrationKeys, sessionScope } from './registration-keys';
import {
  adjustSeat,
  changeRegistration,
  claimEmail,
  claimSeat,
  dropNeeds,
  givePlacesBack,
  joinWaitlist,
  leaveWaitlist,
  promoteSeat,
  putNeeds,
  releaseEmail,
  replaceDelegate,
} from './registration-steps';
import { TableDesign } from './table-design';
import { transact, type TransactOutcome } from './transact';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';
import { readTogether } from './read-together';
import { registrationsOfEvent } from './registration-listing';

export { EVENT_SCOPE, registrationKeys, sessionScope };

const stripKeys = (item: Record<string, unknown>): Registration => withoutKeys<Registration>(item);

const TTL = TableDesign.timeToLiveAttribute;

const needsOf = (item: Record<string, unknown>): Needs => ({
  ...(typeof item.accessNeeds === 'string' ? { accessNeeds: item.accessNeeds } : {}),
  ...(typeof item.dietary === 'string' ? { dietary: item.dietary } : {}),
});

/*
 * An address's claim on an event is keyed by the address's keyed digest (address-digest.ts), which the
 * callers give (use-cases/registrations/address-claim.ts): this module never holds the key.
 */

/** What erasure removes: the delegate, and any delegate who passed the place on. */
const PERSONAL_DATA = ['delegate', 'formerDelegates', 'claimedEmail', 'client'];

/** TTL removes a form post's mark a day after the form itself stops being accepted. */
const FORM_POST_KEPT_SECONDS = 8 * 24 * 3600;

export type ClaimFailure = 'stale' | 'event_full' | `session_full:${string}`;

/** The session a `session_full:<id>` failure names; undefined for any other failure. */
export const fullSessionOf = (failure: ClaimFailure): string | undefined =>
  failure.startsWith('session_full:') ? failure.slice('session_full:'.length) : undefined;

export const registrationRepository = {
  /** The registration as it stands, read with the other reads asked for at the same moment (read-together.ts). */
  async find(registrationId: string): Promise<Registration | undefined> {
    const item = await readTogether(registrationKeys.item(registrationId));
    return item ? stripKeys(item) : undefined;
  },

  /**
   * The registration with the delegate's access and dietary needs put back (kept in an item of their own):
   * for organisers' eyes only. One query of the registration's partition.
   */
  async findWithNeeds(registrationId: string): Promise<Registration | undefined> {
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': registrationKeys.item(registrationId).pk },
        ConsistentRead: true,
      }),
    );
    const item = Items.find((i) => i.sk === registrationKeys.item(registrationId).sk);
    if (!item) return undefined;
    const r = stripKeys(item);
    const needsItem = Items.find((i) => i.sk === registrationKeys.needs(registrationId).sk);
    return r.delegate && needsItem ? { ...r, delegate: withNeeds(r.delegate, needsOf(needsItem)) } : r;
  },

  /** The access and dietary needs of an event's delegates, by registration id (for an export that asks). */
  async needsOfEvent(eventId: string): Promise<Map<string, Needs>> {
    const needs = new Map<string, Needs>();
    for await (const items of queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': registrationKeys.needsListing(eventId) },
    })) {
      for (const item of items) needs.set(item.registrationId as string, needsOf(item));
    }
    return needs;
  },

  /** The registration holding the claim on an address (by its keyed digest) for the event, if any. */
  async emailHolder(eventId: string, claimDigest: string): Promise<string | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: registrationKeys.emailClaim(eventId, claimDigest),
        ConsistentRead: true,
      }),
    );
    return Item?.registrationId as string | undefined;
  },

  /** The registration an earlier post of the same form rendering (`nonce`) made, if any. */
  async madeByFormPost(eventId: string, nonce: string): Promise<string | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: registrationKeys.formPost(eventId, nonce),
        ConsistentRead: true,
      }),
    );
    return Item?.registrationId as string | undefined;
  },

  /**
   * Stores a pending registration and claims its email for the event in one transaction. `replacing`
   * names a cancelled or rejected registration whose claim may be taken over; `formNonce` marks the form
   * rendering that posted it, once (`form_posted` when another post of it got there first). The delegate's
   * access and dietary needs go into an item of their own in the same transaction, each item with its
   * expiry (`expiries`, from the event's end; the retention stamper sets them otherwise).
   */
  async createPending(
    r: Registration,
    claimDigest: string,
    replacing?: string,
    formNonce?: string,
    expiries?: Expiries,
  ): Promise<TransactOutcome<'email_taken' | 'form_posted'>> {
    const split = r.delegate ? splitNeeds(r.delegate) : undefined;
    return transact<'email_taken' | 'form_posted'>([
      ...(formNonce
        ? [
            {
              meaning: 'form_posted' as const,
              write: {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...registrationKeys.formPost(r.eventId, formNonce),
                    registrationId: r.registrationId,
                    expiresAt: Math.floor(Date.parse(r.requestedAt) / 1000) + FORM_POST_KEPT_SECONDS,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
          ]
        : []),
      {
        write: {
          Put: {
            TableName: tableName,
            Item: {
              ...registrationKeys.item(r.registrationId),
              entity: 'Registration',
              ...registrationKeys.listingEntry(r),
              ...r,
              ...(split ? { delegate: split.delegate } : {}),
              ...(expiries ? { [TTL]: expiries.data } : {}),
            },
          },
        },
      },
      ...(split?.needs ? [putNeeds(r, split.needs, expiries?.needs)] : []),
      claimEmail(r, claimDigest, replacing, 'email_taken'),
    ]);
  },

  /** Confirms a pending registration: the event place and `claim` session places taken, `wait` sessions queued. */
  async confirm(
    r: Registration,
    claim: readonly string[],
    wait: readonly string[],
    sessions: Record<string, SessionPlace>,
    at: string,
  ): Promise<TransactOutcome<ClaimFailure>> {
    return transact<ClaimFailure>([
      claimSeat(r.eventId, EVENT_SCOPE, 'event_full'),
      ...claim.map((id) => claimSeat<ClaimFailure>(r.eventId, sessionScope(id), `session_full:${id}`)),
      ...wait.flatMap((id) => joinWaitlist(r, sessionScope(id))),
      changeRegistration(
        r,
        { status: 'confirmed', sessions, set: { decidedAt: at }, expectStatus: 'pending' },
        'stale',
      ),
    ]);
  },

  /** Puts a pending registration on the event's waiting list; its sessions wait for an event place. */
  async waitlist(r: Registration, at: string): Promise<TransactOutcome<'stale'>> {
    const sessions = Object.fromEntries(r.sessionOrder.map((id) => [id, 'requested' as const]));
    return transact<'stale'>([
      ...joinWaitlist(r, EVENT_SCOPE),
      changeRegistration(
        r,
        { status: 'waitlisted', sessions, set: { decidedAt: at }, expectStatus: 'pending' },
        'stale',
      ),
    ]);
  },

  /** Rejects a pending registration, giving up its claim (`claimDigest`, when it has one). */
  async reject(
    r: Registration,
    reason: string,
    claimDigest: string | undefined,
  ): Promise<TransactOutcome<'stale'>> {
    return transact<'stale'>([
      changeRegistration(
        r,
        { status: 'rejected', set: { rejectedReason: reason }, expectStatus: 'pending' },
        'stale',
      ),
      ...(claimDigest ? [releaseEmail(r, claimDigest)] : []),
    ]);
  },

  /**
   * Cancels, giving back every place held and leaving every waiting list joined, and the claim on the
   * address (`claimDigest`: the claimed address's, for a registration with a delegate).
   */
  async cancel(
    r: Registration,
    capped: ReadonlySet<string>,
    at: string,
    claimDigest: string | undefined,
  ): Promise<TransactOutcome<'stale'>> {
    return transact([
      ...givePlacesBack(r, capped),
      changeRegistration(
        r,
        { status: 'cancelled', set: { cancelledAt: at }, expectStatus: r.status },
        'stale',
      ),
      ...(claimDigest ? [releaseEmail(r, claimDigest)] : []),
    ]);
  },

  /** Confirms a pending organiser's booking beyond capacity: every place taken whether free or not. */
  async confirmOverbooked(
    r: Registration,
    capped: readonly string[],
    sessions: Record<string, SessionPlace>,
    at: string,
  ): Promise<TransactOutcome<'stale'>> {
    return transact<'stale'>([
      adjustSeat(r.eventId, EVENT_SCOPE, 1, 0),
      ...capped.map((id) => adjustSeat(r.eventId, sessionScope(id), 1, 0)),
      changeRegistration(
        r,
        { status: 'confirmed', sessions, set: { decidedAt: at, overbookedAt: at }, expectStatus: 'pending' },
        'stale',
      ),
    ]);
  },

  /**
   * Passes a registration to a colleague: the new delegate and their email claim in, the old claim out,
   * the old delegate kept (for the note telling them) until erasure, their needs dropped (they are
   * theirs; `next` gives none). `replacing` names a cancelled or rejected registration whose claim on the
   * new address may be taken over. `claims` are keyed digests: the old claim's and the new address's
   * (`address`: the address claimed, when not the new delegate's own).
   */
  async substitute(
    r: Registration & { delegate: Delegate },
    next: Delegate,
    replacing: string | undefined,
    claims: { readonly held: string; readonly next: string; readonly address?: string },
  ): Promise<TransactOutcome<'stale' | 'email_taken'>> {
    const claimed =
      claims.address !== undefined && claims.address !== next.email ? claims.address : undefined;
    return transact<'stale' | 'email_taken'>([
      replaceDelegate(r, splitNeeds(next).delegate, 'stale', claimed),
      dropNeeds(r),
      { ...releaseEmail(r, claims.held), meaning: 'stale' as const },
      claimEmail(r, claims.next, replacing, 'email_taken'),
    ]);
  },

  /** The oldest registration waiting in a scope. */
  async firstWaiting(eventId: string, scope: string): Promise<string | undefined> {
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': `EVENT#${eventId}`,
          ':prefix': registrationKeys.waitPrefix(scope),
        },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    return Items[0]?.registrationId as string | undefined;
  },

  /** Gives the first on the event's waiting list the freed event place. */
  async promoteToEvent(
    r: Registration,
    sessions: Record<string, SessionPlace>,
    at: string,
  ): Promise<TransactOutcome<'full' | 'stale'>> {
    return transact<'full' | 'stale'>([
      promoteSeat(r.eventId, EVENT_SCOPE, 'full'),
      leaveWaitlist(r, EVENT_SCOPE, 'stale'),
      // On the version read: a change of sessions meanwhile must not have its choices overwritten.
      changeRegistration(
        r,
        {
          status: 'confirmed',
          sessions,
          set: { promotedAt: at },
          expectStatus: 'waitlisted',
          expectVersion: r.version,
        },
        'stale',
      ),
    ]);
  },

  /** Decides one requested session of a confirmed registration: a place if free, else its waiting list. */
  async placeInSession(r: Registration, sessionId: string): Promise<TransactOutcome<'full' | 'stale'>> {
    const claimed = await transact<'full' | 'stale'>([
      claimSeat(r.eventId, sessionScope(sessionId), 'full'),
      changeRegistration(
        r,
        {
          sessions: { [sessionId]: 'confirmed' },
          expectStatus: 'confirmed',
          expectSessions: { [sessionId]: 'requested' },
        },
        'stale',
      ),
    ]);
    if (claimed.ok || claimed.failed.includes('stale')) return claimed;
    return transact<'stale'>([
      ...joinWaitlist(r, sessionScope(sessionId)),
      changeRegistration(
        r,
        {
          sessions: { [sessionId]: 'waitlisted' },
          expectStatus: 'confirmed',
          expectSessions: { [sessionId]: 'requested' },
        },
        'stale',
      ),
    ]);
  },

  /** Gives the first on a session's waiting list the freed session place. */
  async promoteInSession(r: Registration, sessionId: string): Promise<TransactOutcome<'full' | 'stale'>> {
    const scope = sessionScope(sessionId);
    return transact<'full' | 'stale'>([
      promoteSeat(r.eventId, scope, 'full'),
      leaveWaitlist(r, scope, 'stale'),
      changeRegistration(
        r,
        {
          sessions: { [sessionId]: 'confirmed' },
          expectStatus: 'confirmed',
          expectSessions: { [sessionId]: 'waitlisted' },
        },
        'stale',
      ),
    ]);
  },

  /**
   * Replaces a decided registration's choices in one transaction: seats of dropped choices given back and
   * their waiting lists left, `claim` seats taken, `wait` lists joined, all on the version read.
   */
  async changeSessions(
    r: Registration,
    change: {
      readonly free: readonly string[];
      readonly leave: readonly string[];
      readonly claim: readonly string[];
      readonly wait: readonly string[];
      readonly next: Pick<Registration, 'sessions' | 'sessionOrder' | 'sessionWaitSince'>;
      readonly changeId: string;
    },
  ): Promise<TransactOutcome<ClaimFailure>> {
    const joining = { ...r, sessionWaitSince: change.next.sessionWaitSince };
    return transact<ClaimFailure>([
      ...change.free.map((id) => adjustSeat(r.eventId, sessionScope(id), -1, 0)),
      ...change.leave.flatMap((id) => [
        adjustSeat(r.eventId, sessionScope(id), 0, -1),
        leaveWaitlist(r, sessionScope(id), 'stale' as const),
      ]),
      ...change.claim.map((id) => claimSeat<ClaimFailure>(r.eventId, sessionScope(id), `session_full:${id}`)),
      ...change.wait.flatMap((id) => joinWaitlist(joining, sessionScope(id))),
      changeRegistration(
        r,
        {
          replaceSessions: change.next,
          set: { sessionChangeId: change.changeId },
          expectStatus: r.status,
          expectVersion: r.version,
        },
        'stale',
      ),
    ]);
  },

  /** Marks a confirmed delegate attended; a second check-in keeps the first time and says so. */
  async checkIn(
    registrationId: string,
    at: string,
  ): Promise<{ readonly attendedAt: string; readonly already: boolean } | 'not_confirmed'> {
    try {
      const { Attributes } = await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: registrationKeys.item(registrationId),
          UpdateExpression: 'SET attendedAt = if_not_exists(attendedAt, :at)',
          ConditionExpression: '#status = :confirmed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': at, ':confirmed': 'confirmed' },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const earlier = Attributes?.attendedAt as string | undefined;
      return { attendedAt: earlier ?? at, already: earlier !== undefined };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not_confirmed';
      throw error;
    }
  },

  /**
   * Takes back the check-in made at `attendedAt` (attended no more): false when it is not there any more
   * (undone already, or the registration changed) and nothing was written.
   */
  async undoCheckIn(registrationId: string, attendedAt: string): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: registrationKeys.item(registrationId),
          UpdateExpression: 'REMOVE attendedAt',
          ConditionExpression: '#status = :confirmed AND attendedAt = :at',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': attendedAt, ':confirmed': 'confirmed' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /** Every registration of an event, oldest first, page by page. */
  async *ofEvent(eventId: string): AsyncGenerator<Registration[]> {
    for await (const items of registrationsOfEvent(eventId)) yield items.map(stripKeys);
  },

  /**
   * Removes the personal data, the needs item, and the email claim (`heldClaim`: its digest, when this
   * registration holds it); statuses, places and counts stay.
   */
  async erase(r: Registration, heldClaim: string | undefined, at: string): Promise<TransactOutcome<'stale'>> {
    return transact<'stale'>([
      changeRegistration(
        r,
        { set: { erasedAt: at }, remove: PERSONAL_DATA, expectStatus: r.status },
        'stale',
      ),
      dropNeeds(r),
      ...(heldClaim ? [{ ...releaseEmail(r, heldClaim), meaning: 'stale' as const }] : []),
    ]);
  },
};
