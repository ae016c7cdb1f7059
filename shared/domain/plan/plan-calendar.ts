import { createEvents, type EventAttributes } from 'ics';
import { singleLine } from '../../mail/single-line';
import type { PlanItem } from './comms-plan';
import { itemDetail, kindLabels, stateLabel } from './plan-words';

/** A plan item as the calendar shows it: with the address of the console page that edits it. */
export interface CalendarPlanItem extends PlanItem {
  readonly editUrl: string;
}

export interface PlanCalendarInput {
  readonly eventId: string;
  readonly eventTitle: string;
  readonly items: readonly CalendarPlanItem[];
  /** DTSTAMP: when this copy of the feed was made. */
  readonly stamp: Date;
}

/** Each item is a short slot in a calendar, so it reads as a moment without filling the day. */
const ITEM_MINUTES = 15;

/**
 * One UID per item of one event, kept across moves and edits: a subscribed calendar (Outlook, Google)
 * updates the entry it has rather than adding a second one.
 */
export const planItemUid = (eventId: string, itemId: string): string => `${itemId}.${eventId}@convene-plan`;

/** What did not or will not go is marked cancelled, so a calendar that shows it strikes it out or drops it. */
const statusOf = (item: PlanItem): EventAttributes['status'] =>
  item.state === 'cancelled' || item.state === 'skipped'
    ? 'CANCELLED'
    : item.state === 'draft'
      ? 'TENTATIVE'
      : 'CONFIRMED';

const summaryOf = (item: PlanItem): string => {
  const state = item.state === 'scheduled' ? '' : ` (${stateLabel(item)})`;
  return singleLine(`${kindLabels[item.kind]}: ${item.title}${state}`);
};

/**
 * The plan as an iCalendar feed (VCALENDAR, METHOD:PUBLISH, times in UTC): one entry per item with its
 * kind, title and state, and a link to edit it in the console. Nothing about any delegate: titles are
 * the organisers' and the comms team's own words, counts are numbers.
 */
export const planCalendar = (input: PlanCalendarInput): string => {
  // `timestamp` (DTSTAMP) is read by ics but missing from its types, as in shared/mail/calendar.ts.
  const events: (EventAttributes & { timestamp: number })[] = input.items.map((item) => {
    const detail = itemDetail(item);
    return {
      uid: planItemUid(input.eventId, item.itemId),
      timestamp: input.stamp.getTime(),
      start: new Date(item.at).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: ITEM_MINUTES },
      title: summaryOf(item),
      description: [
        `${kindLabels[item.kind]}: ${stateLabel(item)}.`,
        ...(detail ? [detail] : []),
        `Open it in Convene: ${item.editUrl}`,
      ]
        .map(singleLine)
        .join('\n'),
      url: item.editUrl,
      status: statusOf(item),
      transp: 'TRANSPARENT',
      categories: [kindLabels[item.kind]],
    };
  });
  const { error, value } = createEvents(events, {
    productId: '-//Convene//Comms plan//EN',
    method: 'PUBLISH',
    calName: singleLine(`Comms plan: ${input.eventTitle}`),
  });
  if (error || !value)
    throw new Error(`Could not build the plan's calendar: ${error?.message ?? 'no output'}`);
  return value;
};
