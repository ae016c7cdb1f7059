import type { CampaignProgress, CampaignStatus } from '../../domain/campaigns/campaign';
import { formatMomentForUk, timezoneNote } from '../../domain/wall-clock';

/** Each status as a GOV.UK tag. */
export const statusTags: Readonly<
  Record<CampaignStatus, { readonly text: string; readonly classes: string }>
> = {
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--blue' },
  sending: { text: 'Sending', classes: 'govuk-tag--yellow' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
  refused: { text: 'Not sent: over the quota', classes: 'govuk-tag--red' },
};

/** While these, "Cancel this campaign" stops what has not gone. */
export const cancellable = (status: CampaignStatus): boolean =>
  status === 'scheduled' || status === 'sending';

/** "Thursday 4 March 2027 at 09:00" in the event's zone, naming the zone when its clocks are not the UK's. */
export const eventMoment = (at: Date, zone: string): string =>
  `${formatMomentForUk(at, zone)}${timezoneNote(zone, at) ? ` (${zone} time)` : ''}`;

/** When it goes or went, in the event's zone. */
export const whenWords = (progress: CampaignProgress, zone: string): string => {
  const at = (iso: string) => eventMoment(new Date(iso), zone);
  if (progress.status === 'scheduled' && progress.sendAt) return `Scheduled for ${at(progress.sendAt)}`;
  if (progress.status === 'refused') return progress.reason ?? 'Not sent: over the daily sending quota';
  if (progress.status === 'cancelled' && progress.cancelledAt) {
    return progress.startedAt === null
      ? `Cancelled ${at(progress.cancelledAt)}, before it started`
      : `Cancelled ${at(progress.cancelledAt)}`;
  }
  return `Started ${at(progress.startedAt ?? progress.sendAt ?? progress.createdAt)}`;
};

/**
 * A campaign's progress as the page shows it and its script refreshes it: the tag, each count with its
 * label (one element each, named by `key`), and, once it is no longer sending, what to announce.
 */
export const progressView = (progress: CampaignProgress, zone: string) => {
  const counts = [
    { key: 'recipients', label: 'Recipients', value: progress.recipients },
    { key: 'sent', label: 'Sent', value: progress.sent },
    {
      key: 'suppressed',
      label: 'Not sent: unsubscribed, or the address cannot get email',
      value: progress.suppressed,
    },
    { key: 'failed', label: 'Failed', value: progress.failed },
    ...(progress.cancelled > 0 || progress.status === 'cancelled'
      ? [{ key: 'cancelled', label: 'Not sent: cancelled first', value: progress.cancelled }]
      : []),
    { key: 'pending', label: 'Still to send', value: progress.pending },
  ].map((c) => ({ ...c, value: c.value.toLocaleString('en-GB') }));
  const sending = progress.status === 'sending';
  return {
    status: progress.status,
    tag: statusTags[progress.status],
    when: whenWords(progress, zone),
    counts,
    byKey: Object.fromEntries(counts.map((c) => [c.key, c.value])) as Readonly<Record<string, string>>,
    sending,
    cancellable: cancellable(progress.status),
    cancelEffect:
      progress.status === 'scheduled'
        ? 'If you cancel it, nothing will be sent.'
        : 'If you cancel it, mail not sent yet will not go. Mail already sent cannot be taken back.',
    finished:
      progress.status === 'sent'
        ? `Sending has finished: ${progress.sent.toLocaleString('en-GB')} sent, ${progress.failed.toLocaleString('en-GB')} failed.`
        : progress.status === 'cancelled'
          ? 'The campaign is cancelled: nothing more will be sent.'
          : undefined,
  };
};

export type ProgressView = ReturnType<typeof progressView>;
