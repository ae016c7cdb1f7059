import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  isMailProblem,
  subjectToKeep,
  type LedgerStatus,
  type MailFeedback,
} from '../../domain/delivery/mail-record';
import type { MailSpec, SendRequest } from '../../domain/mail/send-request';
import { batchGet } from './batch-get';
import { moveCounts } from './campaign-counts';
import type { CampaignCounter } from '../../domain/campaigns/count-shards';
import { documentClient, tableName } from './client';
import { isOwnMessage } from '../../domain/mail/send-request';
import { ledgerKey, recipientMailPartition } from './ledger-keys';
import { withoutKeys } from './item';
import { queryPages } from './query-pages';
import { readTogether } from './read-together';
import { TableDesign } from './table-design';
import { transact, type Step } from './transact';

/**
 * The send ledger: one item per (message, recipient), written before anything is sent.
 * - MSG#<messageKey> / TO#<recipientKey>, or REG#<recipientKey>#MAIL / MSG#<messageKey> for mail about
 *   the recipient's own registration (ledger-keys.ts)
 * status: queued → sending (claimed by one sender) → sent | suppressed | skipped | failed
 * An entry SES refused for a configuration fault (AccessDenied, an unverified identity) goes back to
 * queued with `blockedReason`: not failed, so the message's redrive from the send DLQ sends it.
 * A send is only made by the sender that moved the entry from queued to sending, so a duplicate
 * delivery, a retry or a second sender finds the entry taken and sends nothing. An entry that ends
 * settles its campaign's counter in the same transaction, so counts always match the ledger.
 *
 * A delegate's mail is found without a second write (table-design.ts): its own mail is its partition, and
 * its entries of messages to many are in its list in gsi3 (keys only, written by the put that records
 * them). An entry that becomes a mail problem (failed, suppressed, bounced, complained) is in its event's
 * list (gsi2) from the update that says so.
 */
export type { LedgerStatus };
/** Where the sender settles an entry; `withheld` is recorded so from the start and never sent. */
export type FinalStatus = Exclude<LedgerStatus, 'queued' | 'sending' | 'withheld'>;

export interface LedgerEntry extends SendRequest {
  readonly status: LedgerStatus;
  readonly spec: MailSpec;
  readonly attempts: number;
  /** The event the mail is about (absent on entries recorded before it was kept). */
  readonly eventId?: string;
  readonly recordedAt?: string;
  readonly claimedAt?: string;
  readonly settledAt?: string;
  readonly sesMessageId?: string;
  /** The subject as rendered when sent (never a campaign's: see subjectToKeep). */
  readonly subject?: string;
  readonly reason?: string;
  /** Why the last attempt was held back: the account or its setup, not the recipient (cleared once settled). */
  readonly blockedReason?: string;
  readonly blockedAt?: string;
  /** SES's bounce or complaint about the mail, after it was sent. */
  readonly feedback?: MailFeedback;
  /** When an organiser last asked for the failed mail to be sent again. */
  readonly retriedAt?: string;
}

/** The index entries of a delegate's mail and of an event's mail problems. */
const ledgerIndexes = {
  recipientSort: (recordedAt: string, messageKey: string) => `${recordedAt}#${messageKey}`,
  problems: (eventId: string) => `EVENT#${eventId}#MAIL_PROBLEMS`,
  problemSort: (at: string, r: SendRequest) => `${at}#${r.messageKey}#${r.recipientKey}`,
};

const TTL = TableDesign.timeToLiveAttribute;

/** An entry as the domain sees it: without keys and without its expiry (the table's, not the mail's). */
const entryOf = (item: Record<string, unknown>): LedgerEntry => {
  const { [TTL]: _expiresAt, ...entry } = withoutKeys<Record<string, unknown>>(item);
  return entry as unknown as LedgerEntry;
};

/**
 * Which campaign counter an outcome moves. Nothing to send (the campaign was cancelled, the delegate erased)
 * is counted apart from suppressed, so a cancelled campaign can say how many it stopped.
 */
const counterOf: Record<FinalStatus, CampaignCounter> = {
  sent: 'sent',
  suppressed: 'suppressed',
  skipped: 'skipped',
  failed: 'failed',
};

/** The campaign counter updates that go with an entry's move, in the same transaction; none for other mail. */
const campaignCounterMoves = (
  spec: MailSpec,
  moves: Partial<Record<CampaignCounter, number>>,
): Step<never>[] =>
  spec.kind === 'campaign' ? [moveCounts(spec.campaignId, spec.registrationId, moves)] : [];

const update = async (
  r: SendRequest,
  expression: string,
  condition: string,
  values: Record<string, unknown>,
) => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: ledgerKey(r),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** The query of a delegate's mail about its own registration (its partition of the table). */
const ownMail = (recipientKey: string) => ({
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': recipientMailPartition(recipientKey) },
});

/** The query of a delegate's entries of messages to many (their keys, in gsi3). */
const sharedMail = (recipientKey: string) => ({
  IndexName: 'gsi3',
  KeyConditionExpression: 'gsi3pk = :pk',
  ExpressionAttributeValues: { ':pk': recipientMailPartition(recipientKey) },
});

export const ledgerRepository = {
  /**
   * Records a send unless it is recorded already; returns the entry as it now stands. An entry names its
   * delegate's mail (and holds what SES said of the address), so it expires with the registration.
   */
  async record(
    request: SendRequest,
    spec: MailSpec,
    at: string,
    eventId: string,
    options: {
      /** The TTL value of the event's personal data (undefined: the event is gone; none set). */
      readonly expiresAt: number | undefined;
      /** Recorded as withheld (never queued), with why: a new-registration mail over the address's day. */
      readonly withheld?: { readonly reason: string };
    },
  ): Promise<{ entry: LedgerEntry; isNew: boolean }> {
    const { withheld, expiresAt } = options;
    const initial = withheld
      ? { status: 'withheld' as const, reason: withheld.reason, settledAt: at }
      : { status: 'queued' as const };
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...ledgerKey(request),
            ...(isOwnMessage(request)
              ? {}
              : {
                  gsi3pk: recipientMailPartition(request.recipientKey),
                  gsi3sk: ledgerIndexes.recipientSort(at, request.messageKey),
                }),
            ...request,
            eventId,
            spec,
            ...initial,
            attempts: 0,
            recordedAt: at,
            ...(expiresAt !== undefined ? { [TTL]: expiresAt } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return {
        entry: { ...request, eventId, spec, ...initial, attempts: 0, recordedAt: at },
        isNew: true,
      };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.find(request);
      if (!existing) throw error;
      return { entry: existing, isNew: false };
    }
  },

  /** The entry as it stands, read with the other reads asked for at the same moment (read-together.ts). */
  async find(request: SendRequest): Promise<LedgerEntry | undefined> {
    const item = await readTogether(ledgerKey(request));
    return item ? entryOf(item) : undefined;
  },

  /**
   * Takes the entry for sending: from queued, or from a claim older than `staleBefore` (its sender
   * crashed before SES took the message, or SES's Send event would have settled it by now).
   */
  claim: (r: SendRequest, at: string, staleBefore: string) =>
    update(
      r,
      'SET #status = :sending, claimedAt = :at ADD attempts :one',
      '#status = :queued OR (#status = :sending AND claimedAt < :stale)',
      { ':sending': 'sending', ':queued': 'queued', ':at': at, ':one': 1, ':stale': staleBefore },
    ),

  /** Gives a claimed entry back after SES refused it for now (throttling): the next delivery sends it. */
  release: (r: SendRequest, reason: string) =>
    update(
      r,
      'SET #status = :queued, reason = :reason REMOVE blockedReason, blockedAt',
      '#status = :sending',
      { ':queued': 'queued', ':sending': 'sending', ':reason': reason },
    ),

  /**
   * Gives a claimed entry back after SES refused it for a configuration fault (SES took nothing): queued,
   * with the reason, for whoever fixes the cause and redrives the message.
   */
  block: (r: SendRequest, reason: string, at: string) =>
    update(r, 'SET #status = :queued, blockedReason = :reason, blockedAt = :at', '#status = :sending', {
      ':queued': 'queued',
      ':sending': 'sending',
      ':reason': reason,
      ':at': at,
    }),

  /**
   * Records a configuration fault met before SES was called (AccessDenied on a read): the status and any
   * claim are left as they are.
   */
  noteBlocked: (r: SendRequest, reason: string, at: string) =>
    update(r, 'SET blockedReason = :reason, blockedAt = :at', '#status IN (:queued, :sending)', {
      ':queued': 'queued',
      ':sending': 'sending',
      ':reason': reason,
      ':at': at,
    }),

  /**
   * Ends an entry, once: from `from` only, with its campaign's counter in the same transaction.
   * False when the entry had already moved on (another sender, or SES's own Send event, settled it).
   * An entry that ends as a mail problem joins its event's list in the same write.
   */
  async settle(
    entry: Pick<LedgerEntry, 'messageKey' | 'recipientKey' | 'spec' | 'eventId'>,
    from: readonly LedgerStatus[],
    status: FinalStatus,
    details: { at: string; sesMessageId?: string; reason?: string; subject?: string },
  ): Promise<boolean> {
    const values: Record<string, unknown> = { ':status': status, ':at': details.at };
    const sets = ['#status = :status', 'settledAt = :at'];
    if (details.sesMessageId) {
      sets.push('sesMessageId = :id');
      values[':id'] = details.sesMessageId;
    }
    if (details.reason) {
      sets.push('reason = :reason');
      values[':reason'] = details.reason;
    }
    const subject = details.subject === undefined ? undefined : subjectToKeep(entry.spec, details.subject);
    if (subject !== undefined) {
      sets.push('subject = :subject');
      values[':subject'] = subject;
    }
    if (entry.eventId && isMailProblem({ status, reason: details.reason })) {
      sets.push('gsi2pk = :problems', 'gsi2sk = :problemAt');
      values[':problems'] = ledgerIndexes.problems(entry.eventId);
      values[':problemAt'] = ledgerIndexes.problemSort(details.at, entry);
    }
    const allowed = from.map((s, i) => {
      values[`:from${i}`] = s;
      return `:from${i}`;
    });
    const steps: Step<'moved'>[] = [
      {
        meaning: 'moved',
        write: {
          Update: {
            TableName: tableName,
            Key: ledgerKey(entry),
            UpdateExpression: `SET ${sets.join(', ')} REMOVE blockedReason, blockedAt`,
            ConditionExpression: `#status IN (${allowed.join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: values,
          },
        },
      },
    ];
    steps.push(...campaignCounterMoves(entry.spec, { [counterOf[status]]: 1 }));
    return (await transact(steps)).ok;
  },

  /**
   * SES says it sent a mail the ledger holds as failed (the sender failed it on its last receive after SES
   * had taken it): the entry becomes sent, and its campaign's counts move from failed to sent with it, so
   * a retry finds nothing to send.
   */
  async settleFailedAsSent(
    entry: Pick<LedgerEntry, 'messageKey' | 'recipientKey' | 'spec'>,
    details: { at: string; sesMessageId: string },
  ): Promise<boolean> {
    return (
      await transact<'moved'>([
        {
          meaning: 'moved',
          write: {
            Update: {
              TableName: tableName,
              Key: ledgerKey(entry),
              UpdateExpression:
                'SET #status = :sent, settledAt = :at, sesMessageId = :id REMOVE gsi2pk, gsi2sk',
              ConditionExpression: '#status = :failed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':sent': 'sent',
                ':failed': 'failed',
                ':at': details.at,
                ':id': details.sesMessageId,
              },
            },
          },
        },
        ...campaignCounterMoves(entry.spec, { failed: -1, sent: 1 }),
      ])
    ).ok;
  },

  /**
   * Puts a failed entry back in the queue for one more try, once: only from `failed`, so an entry that was
   * sent (or is already being tried again) is left alone and nothing goes twice; the sender's claim makes
   * the send itself happen once. Its campaign's `failed` count goes back down in the same transaction.
   */
  async requeueFailed(
    entry: Pick<LedgerEntry, 'messageKey' | 'recipientKey' | 'spec'>,
    at: string,
  ): Promise<boolean> {
    return (
      await transact<'moved'>([
        {
          meaning: 'moved',
          write: {
            Update: {
              TableName: tableName,
              Key: ledgerKey(entry),
              UpdateExpression:
                'SET #status = :queued, retriedAt = :at REMOVE settledAt, gsi2pk, gsi2sk, blockedReason, blockedAt',
              ConditionExpression: '#status = :failed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':queued': 'queued', ':failed': 'failed', ':at': at },
            },
          },
        },
        ...campaignCounterMoves(entry.spec, { failed: -1 }),
      ])
    ).ok;
  },

  /**
   * Keeps SES's bounce or complaint on the entry of the mail it is about, whatever its status (SES's
   * events may overtake the sender's own record), and lists it with its event's mail problems. The same
   * report again writes the same. False for an entry the ledger does not hold.
   */
  async noteFeedback(request: SendRequest, feedback: MailFeedback): Promise<boolean> {
    const entry = await ledgerRepository.find(request);
    if (!entry) return false;
    const values: Record<string, unknown> = { ':feedback': feedback };
    const sets = ['feedback = :feedback'];
    if (entry.eventId) {
      sets.push('gsi2pk = :problems', 'gsi2sk = :problemAt');
      values[':problems'] = ledgerIndexes.problems(entry.eventId);
      values[':problemAt'] = ledgerIndexes.problemSort(feedback.at, request);
    }
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ledgerKey(request),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /** Every mail recorded for one recipient (a registration), oldest first. */
  async ofRecipient(recipientKey: string): Promise<LedgerEntry[]> {
    const own: Record<string, unknown>[] = [];
    for await (const items of queryPages({ ...ownMail(recipientKey), ConsistentRead: true }))
      own.push(...items);
    const keys: Record<string, unknown>[] = [];
    for await (const items of queryPages(sharedMail(recipientKey))) {
      keys.push(...items.map((i) => ({ pk: i.pk, sk: i.sk })));
    }
    const entries = [...own, ...(await batchGet(keys))].map(entryOf);
    return entries.sort((a, b) => (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''));
  },

  /** The keys of every entry recorded for one recipient (a registration), page by page: for its expiry. */
  async *keysOfRecipient(recipientKey: string): AsyncGenerator<{ pk: string; sk: string }[]> {
    for (const query of [
      { ...ownMail(recipientKey), ProjectionExpression: 'pk, sk' },
      sharedMail(recipientKey),
    ]) {
      for await (const items of queryPages(query)) {
        yield items.map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
      }
    }
  },

  /** An event's mail problems (failed, suppressed, bounced, complained), oldest first. */
  async problemsOf(eventId: string): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    for await (const items of queryPages({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': ledgerIndexes.problems(eventId) },
    })) {
      entries.push(...items.map(entryOf));
    }
    return entries;
  },

  /** The entry SES says it sent (its Send event), found by the message key SES carries as a tag. */
  findByMessage: (messageKey: string, recipientKey: string) =>
    ledgerRepository.find({ messageKey, recipientKey }),
};
