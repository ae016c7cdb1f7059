import type { PlanItem, PlanItemKind } from './comms-plan';

/** What each kind of item is called on the plan, the calendar feed and the console. */
export const kindLabels: Readonly<Record<PlanItemKind, string>> = {
  reminder: 'Reminder',
  campaign: 'Campaign',
  'survey-invitation': 'Survey invitation',
  'survey-reminder': 'Survey reminder',
  post: 'Post to X',
};

/** Where an item stands, in a word or two; a post that went was posted, a mail sent. */
export const stateLabel = (item: Pick<PlanItem, 'kind' | 'state'>): string => {
  switch (item.state) {
    case 'draft':
      return 'Not published';
    case 'scheduled':
      return 'Scheduled';
    case 'sending':
      return item.kind === 'post' ? 'Posting' : 'Sending';
    case 'sent':
      return item.kind === 'post' ? 'Posted' : 'Sent';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
    case 'skipped':
      return 'Not sent';
  }
};

const delegates = (n: number): string => `${n} delegate${n === 1 ? '' : 's'}`;

/** A sentence on what happened or will happen, where the state alone does not say it. */
export const itemDetail = (item: PlanItem): string | undefined => {
  const failed = item.failed ? ` ${item.failed} failed.` : '';
  if (item.error) return `X said: ${item.error}`;
  if (item.state === 'draft') return 'It will be scheduled when the event is published.';
  if (item.state === 'skipped') return 'Its time had passed when it was set, so it was not sent late.';
  if (item.kind === 'post' || item.sentTo === undefined) return failed.trim() || undefined;
  if (item.state === 'sending') return `Sent to ${delegates(item.sentTo)} so far.${failed}`;
  if (item.state === 'sent') return `Sent to ${delegates(item.sentTo)}.${failed}`;
  return failed.trim() || undefined;
};
