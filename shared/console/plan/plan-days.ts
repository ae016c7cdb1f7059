import { dayKeyIn, formatDayForUk, formatTimeOfDay } from '../../domain/wall-clock';
import type { PlanItem, PlanItemState } from '../../domain/plan/comms-plan';
import { itemDetail, kindLabels, stateLabel } from '../../domain/plan/plan-words';
import { mayCall } from '../../http/claims';
import type { ConsoleSession } from '../console-session';
import { planEditAuth, planEditPath } from './plan-links';

/** GOV.UK tag colours: blue while it waits, green once it went, red when it failed, grey when it will not go. */
const tagClasses: Readonly<Record<PlanItemState, string>> = {
  draft: 'govuk-tag--grey',
  scheduled: '',
  sending: 'govuk-tag--turquoise',
  sent: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  cancelled: 'govuk-tag--grey',
  skipped: 'govuk-tag--yellow',
};

/** One entry of the plan as the console lists it. */
export interface PlanEntry {
  readonly time: string;
  readonly at: string;
  readonly kind: string;
  readonly title: string;
  readonly tag: { readonly text: string; readonly classes: string };
  readonly detail?: string;
  /** The page that edits it, where this person may open it. */
  readonly editUrl?: string;
  readonly editText: string;
}

export interface PlanDay {
  readonly heading: string;
  readonly entries: readonly PlanEntry[];
}

/** Only what has not gone can still be changed; what went, failed or stopped can be looked at. */
const editText = (item: PlanItem): string =>
  item.state === 'draft' || item.state === 'scheduled' ? 'Change' : 'View';

/**
 * The plan as a calendar-like list: a heading per day in the event's zone, then each item at its time
 * there, with its state and the page that edits it (left out where this person's group cannot open it).
 */
export const planDays = (
  items: readonly PlanItem[],
  eventId: string,
  zone: string,
  session: ConsoleSession,
): PlanDay[] => {
  const days: { key: string; heading: string; entries: PlanEntry[] }[] = [];
  for (const item of items) {
    const at = new Date(item.at);
    const key = dayKeyIn(at, zone);
    let day = days.at(-1);
    if (day?.key !== key) {
      day = { key, heading: formatDayForUk(at, zone), entries: [] };
      days.push(day);
    }
    const detail = itemDetail(item);
    const editable = mayCall(session, planEditAuth(item.edit));
    day.entries.push({
      time: formatTimeOfDay(at, zone),
      at: item.at,
      kind: kindLabels[item.kind],
      title: item.title,
      tag: { text: stateLabel(item), classes: tagClasses[item.state] },
      ...(detail ? { detail } : {}),
      ...(editable ? { editUrl: planEditPath(eventId, item.edit) } : {}),
      editText: editText(item),
    });
  }
  return days.map(({ heading, entries }) => ({ heading, entries }));
};
