import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSpec, SendRequest } from '../../domain/mail/send-request';
import { campaignKeys, type CampaignCounter } from './campaign-keys';
import { documentClient, tableName } from './client';
import { queryPages } from './query-pages';
import { transact, type Step } from './transact';

/**
 * The send ledger: one item per (message, recipient), written before anything is sent.
 * - MSG#<messageKey> / TO#<recipientKey>
 * status: queued → sending (claimed by one sender) → sent | suppressed | skipped | failed
 * An entry SES refused for a configuration fault (AccessDenied, an unverified identity) goes back to
 * queued with `blockedReason`: not failed, so the message's redrive from the send DLQ sends it.
 * A send is only made by the sender that moved the entry from queued to sending, so a duplicate
 * delivery, a retry or a second sender finds the entry taken and sends nothing. An entry that ends
 * settles its campaign's counter in the same transaction, so counts always match the ledger.
 */
export type LedgerStatus = 'queued' | 'sending' | 'sent' | 'suppressed' | 'skipped' | 'failed';
export type FinalStatus = Exclude<LedgerStatus, 'queued' | 'sending'>;

export interface LedgerEntry extends SendRequest {
  readonly status: LedgerStatus;
  readonly spec: MailSpec;
  readonly attempts: number;
  readonly claimedAt?: string;
  readonly sesMessageId?: string;
  readonly reason?: string;
  /** Why the last attempt was held back: the account or its setup, not the recipient (cleared once settled). */
  readonly blockedReason?: string;
  readonly blockedAt?: string;
}

const key = (r: SendRequest) => ({ pk: `MSG#${r.messageKey}`, sk: `TO#${r.recipientKey}` });

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
        Key: key(r),
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

export const ledgerRepository = {
  /** Records a send unless it is recorded already; returns the entry as it now stands. */
  async record(
    request: SendRequest,
    spec: MailSpec,
    at: string,
  ): Promise<{ entry: LedgerEntry; isNew: boolean }> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key(request), ...request, spec, status: 'queued', attempts: 0, recordedAt: at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { entry: { ...request, spec, status: 'queued', attempts: 0 }, isNew: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.find(request);
      if (!existing) throw error;
      return { entry: existing, isNew: false };
    }
  },

  async find(request: SendRequest): Promise<LedgerEntry | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key(request), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _p, sk: _s, ...entry } = Item;
    return entry as LedgerEntry;
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
   */
  async settle(
    entry: Pick<LedgerEntry, 'messageKey' | 'recipientKey' | 'spec'>,
    from: readonly LedgerStatus[],
    status: FinalStatus,
    details: { at: string; sesMessageId?: string; reason?: string },
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
            Key: key(entry),
            UpdateExpression: `SET ${sets.join(', ')} REMOVE blockedReason, blockedAt`,
            ConditionExpression: `#status IN (${allowed.join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: values,
          },
        },
      },
    ];
    if (entry.spec.kind === 'campaign') {
      steps.push({
        write: {
          Update: {
            TableName: tableName,
            Key: campaignKeys.item(entry.spec.campaignId),
            UpdateExpression: 'ADD #counter :one',
            ExpressionAttributeNames: { '#counter': counterOf[status] },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      });
    }
    return (await transact(steps)).ok;
  },

  /**
   * The recipients a message reaches: entries queued, being sent or sent (not those suppressed, skipped
   * or failed), as recipient keys (registration ids; nothing personal), page by page.
   */
  async recipientsReached(messageKey: string): Promise<string[]> {
    const recipients: string[] = [];
    for await (const items of queryPages({
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#status IN (:queued, :sending, :sent)',
      ProjectionExpression: 'recipientKey',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': `MSG#${messageKey}`,
        ':queued': 'queued',
        ':sending': 'sending',
        ':sent': 'sent',
      },
      ConsistentRead: true,
    })) {
      for (const item of items) recipients.push(String(item.recipientKey));
    }
    return recipients;
  },

  /** The entry SES says it sent (its Send event), found by the message key SES carries as a tag. */
  findByMessage: (messageKey: string, recipientKey: string) =>
    ledgerRepository.find({ messageKey, recipientKey }),
};
