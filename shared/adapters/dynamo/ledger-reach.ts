import { ledgerPartition } from './ledger-keys';
import { queryPages } from './query-pages';

/**
 * The recipients a message reaches: entries queued, being sent or sent (not those suppressed, skipped
 * or failed), as recipient keys (registration ids; nothing personal), page by page. Apart from the
 * ledger's writes, so the plan and the survey's results, which only count, do not bundle them.
 */
export const recipientsReached = async (messageKey: string): Promise<string[]> => {
  const recipients: string[] = [];
  for await (const items of queryPages({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: '#status IN (:queued, :sending, :sent)',
    ProjectionExpression: 'recipientKey',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': ledgerPartition(messageKey),
      ':queued': 'queued',
      ':sending': 'sending',
      ':sent': 'sent',
    },
    ConsistentRead: true,
  })) {
    for (const item of items) recipients.push(String(item.recipientKey));
  }
  return recipients;
};
