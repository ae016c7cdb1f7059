import type { CampaignProgress } from '../campaigns/campaign';
import type { Conference } from '../conference/conference';
import { reminderMessageKey, surveyMessageKey } from '../mail/send-request';
import { reminderPlan } from '../reminders/plan';
import type { RecordedSchedules } from '../schedules/reconcile';
import type { SocialPost } from '../social/post';
import { surveyPlan, type SurveyStep } from '../surveys/plan';

/** What goes out for an event: its reminders, campaigns, the survey's two mails and posts to X. */
export type PlanItemKind = 'reminder' | 'campaign' | 'survey-invitation' | 'survey-reminder' | 'post';

/**
 * Where an item stands. `draft`: it will be scheduled when the event is published; `skipped`: its time
 * had passed when it was set, so it never went (reminders are never sent late by surprise).
 */
export type PlanItemState = 'draft' | 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'skipped';

/** What a person changes to change the item: the event's reminder plan or survey, a campaign, a post. */
export type PlanEditTarget =
  | { readonly part: 'reminders' }
  | { readonly part: 'survey' }
  | { readonly part: 'campaign'; readonly campaignId: string }
  | { readonly part: 'post'; readonly postId: string };

export interface PlanItem {
  /** Stable for the item's life (moves and edits keep it), so a calendar updates rather than duplicates. */
  readonly itemId: string;
  readonly kind: PlanItemKind;
  readonly title: string;
  readonly state: PlanItemState;
  /** When it goes or went: UTC ISO instant. */
  readonly at: string;
  /** Mail that went: how many delegates it reached (sent or on their way); a campaign: sent so far. */
  readonly sentTo?: number;
  /** A campaign's mails that failed. */
  readonly failed?: number;
  /** Why a post failed, as X said it. */
  readonly error?: string;
  readonly edit: PlanEditTarget;
}

/** What the plan needs to know of the event. */
export type PlanEvent = Pick<
  Conference,
  'eventId' | 'status' | 'timezone' | 'startsAt' | 'endsAt' | 'reminders' | 'survey'
>;

/** Everything the plan is made of, read by the use-case; the merge itself is pure. */
export interface PlanSources {
  readonly event: PlanEvent;
  readonly now: Date;
  /** The reminder and survey schedules recorded for the event: name → the instant it was set to fire. */
  readonly recorded: RecordedSchedules;
  /** Delegates each mail message reached (the ledger), by message key; only keys of `mailKeysToCount`. */
  readonly reached: Readonly<Record<string, number>>;
  readonly campaigns: readonly CampaignProgress[];
  readonly posts: readonly SocialPost[];
}

/** A post's title on the plan: its first part, cut at a word near this length. */
export const POST_TITLE_LENGTH = 80;

/** The order of kinds at the same instant: the mail of the plan first, then campaigns, then posts. */
const kindOrder: Readonly<Record<PlanItemKind, number>> = {
  reminder: 0,
  'survey-invitation': 1,
  'survey-reminder': 2,
  campaign: 3,
  post: 4,
};

const isPast = (at: string, now: Date): boolean => new Date(at).getTime() <= now.getTime();

/** A reminder step's or survey mail's message key, as the ledger records it. */
interface MailStep {
  readonly itemId: string;
  readonly kind: PlanItemKind;
  readonly title: string;
  readonly at: string;
  readonly scheduleName: string;
  readonly messageKey: string;
  readonly edit: PlanEditTarget;
}

const surveyTitles: Readonly<Record<SurveyStep, string>> = {
  invitation: 'Survey invitation to delegates who came',
  reminder: 'Survey reminder to those who have not answered',
};

const mailSteps = (event: PlanEvent): MailStep[] => [
  ...reminderPlan(event).map((r) => ({
    itemId: `reminder-${r.daysBefore}d-${r.at.replace(':', '')}`,
    kind: 'reminder' as const,
    title:
      r.step.subject?.trim() ||
      (r.daysBefore === 0
        ? 'Reminder on the day'
        : `Reminder ${r.daysBefore} day${r.daysBefore === 1 ? '' : 's'} before`),
    at: r.dueAt,
    scheduleName: r.scheduleName,
    messageKey: reminderMessageKey(event.eventId, r.reminderKey, r.dueAt),
    edit: { part: 'reminders' as const },
  })),
  ...surveyPlan(event).map((s) => ({
    itemId: `survey-${s.step}`,
    kind: `survey-${s.step}` as const,
    title: surveyTitles[s.step],
    at: s.dueAt,
    scheduleName: s.scheduleName,
    messageKey: surveyMessageKey(event.eventId, s.step),
    edit: { part: 'survey' as const },
  })),
];

/** The ledger's message keys whose reach the plan shows: the mail steps whose time has come. */
export const mailKeysToCount = (event: PlanEvent, now: Date): string[] =>
  mailSteps(event)
    .filter((s) => isPast(s.at, now))
    .map((s) => s.messageKey);

/**
 * A reminder or survey mail. A past one went if the ledger has its mails or its schedule was recorded
 * at that instant (it fired, perhaps to nobody); otherwise its time had passed when it was set (skipped,
 * never sent late) or the event was cancelled. A future one waits for the event to be published
 * (draft), will go (scheduled), or will not (the event was cancelled).
 */
const mailItem = (s: MailStep, sources: PlanSources): PlanItem => {
  const { event, now } = sources;
  const reached = sources.reached[s.messageKey] ?? 0;
  const past = isPast(s.at, now);
  const fired = past && (reached > 0 || sources.recorded[s.scheduleName] === s.at);
  const state: PlanItemState = fired
    ? 'sent'
    : event.status === 'cancelled'
      ? 'cancelled'
      : past
        ? 'skipped'
        : event.status === 'draft'
          ? 'draft'
          : 'scheduled';
  return {
    itemId: s.itemId,
    kind: s.kind,
    title: s.title,
    state,
    at: s.at,
    ...(state === 'sent' ? { sentTo: reached } : {}),
    edit: s.edit,
  };
};

/** A campaign goes at its send time, or when it started, or (sent "now") when it was made. */
const campaignItem = (c: CampaignProgress): PlanItem => {
  const allFailed = c.status === 'sent' && c.recipients > 0 && c.failed === c.recipients;
  return {
    itemId: `campaign-${c.campaignId}`,
    kind: 'campaign',
    title: c.subject,
    // Refused when due (over the quota) means it did not go: the plan shows it failed.
    state: allFailed || c.status === 'refused' ? 'failed' : c.status,
    at: c.sendAt ?? c.startedAt ?? c.createdAt,
    ...(c.status === 'sending' || c.status === 'sent' ? { sentTo: c.sent } : {}),
    ...(c.failed > 0 ? { failed: c.failed } : {}),
    edit: { part: 'campaign', campaignId: c.campaignId },
  };
};

/** The first part of a post, cut at a word so the plan stays a list of lines. */
export const postTitle = (parts: readonly string[]): string => {
  const first = (parts[0] ?? '').replace(/\s+/g, ' ').trim();
  const cut =
    first.length <= POST_TITLE_LENGTH
      ? first
      : `${first.slice(0, POST_TITLE_LENGTH).replace(/\s+\S*$/, '')}…`;
  return parts.length > 1 ? `${cut} (thread of ${parts.length})` : cut;
};

const postState = (p: SocialPost): PlanItemState => {
  if (p.status === 'published') return 'sent';
  if (p.status === 'scheduled' && p.tweetIds.length > 0) return 'sending';
  return p.status;
};

const postItem = (p: SocialPost): PlanItem => ({
  itemId: `post-${p.postId}`,
  kind: 'post',
  title: postTitle(p.parts),
  state: postState(p),
  at: p.publishedAt ?? p.publishAt,
  ...(p.status === 'failed' && p.error ? { error: p.error } : {}),
  edit: { part: 'post', postId: p.postId },
});

/**
 * One event's comms plan: every reminder step, the survey's invitation and reminder, every campaign and
 * every post to X, each with its instant and where it stands, soonest first (at the same instant: the
 * plan's mail, then campaigns, then posts, then by id, so the order never flickers between reads).
 */
export const commsPlan = (sources: PlanSources): PlanItem[] =>
  [
    ...mailSteps(sources.event).map((s) => mailItem(s, sources)),
    ...sources.campaigns.map(campaignItem),
    ...sources.posts.map(postItem),
  ].sort(
    (a, b) =>
      new Date(a.at).getTime() - new Date(b.at).getTime() ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.itemId.localeCompare(b.itemId),
  );
