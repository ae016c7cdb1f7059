import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit/audit-record';
import { auditExpiryOf } from '../../domain/gdpr/retention';
import { documentClient, tableName } from './client';
import { withoutKeys } from './item';
import { TableDesign } from './table-design';

const TTL = TableDesign.timeToLiveAttribute;

/** A record as the domain sees it: without keys and without its expiry. */
const recordOf = (item: Record<string, unknown>): AuditRecord => {
  const { [TTL]: _expiresAt, ...record } = withoutKeys<Record<string, unknown>>(item);
  return record as unknown as AuditRecord;
};

/**
 * An event's audit, under the event (pk EVENT#<eventId>#AUDIT, sk <at>#<auditId>): a partition of its
 * own, so recording never contends with the event's item or its waiting lists, and newest first is a
 * query read backwards.
 */
const partitionOf = (eventId: string): string => `EVENT#${eventId}#AUDIT`;
const sortKeyOf = (record: Pick<AuditRecord, 'at' | 'auditId'>): string => `${record.at}#${record.auditId}`;

/** A page's position, handed to the client as an opaque `after` value: the last record's sort key. */
const cursorOf = (sortKey: string): string => Buffer.from(sortKey, 'utf8').toString('base64url');
const sortKeyOfCursor = (cursor: string): string | undefined => {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^\d{4}-\d\d-\d\dT[\d:.]+Z#[\w-]+$/.test(sortKey) ? sortKey : undefined;
};

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  /** Where the next page starts, when there is one. */
  readonly next?: string;
}

export class BadCursorError extends Error {}

export const auditRepository = {
  /**
   * One put per record, with its expiry (AUDIT_RETENTION_DAYS after the action: it names the organiser who
   * acted). The same record put again (the SDK retrying a put whose answer was lost) finds itself there
   * and is not an error.
   */
  async record(record: AuditRecord): Promise<void> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: partitionOf(record.eventId),
            sk: sortKeyOf(record),
            entity: 'AUDIT',
            ...record,
            [TTL]: auditExpiryOf(record.at),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  /** A page of an event's records, newest first. */
  async page(eventId: string, limit: number, after?: string): Promise<AuditPage> {
    const start = after === undefined ? undefined : sortKeyOfCursor(after);
    if (after !== undefined && start === undefined) throw new BadCursorError('Not a cursor of this list');
    const answer = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitionOf(eventId) },
        ScanIndexForward: false,
        Limit: limit,
        ...(start ? { ExclusiveStartKey: { pk: partitionOf(eventId), sk: start } } : {}),
      }),
    );
    const last = answer.LastEvaluatedKey?.sk;
    return {
      records: (answer.Items ?? []).map(recordOf),
      ...(typeof last === 'string' ? { next: cursorOf(last) } : {}),
    };
  },
};
