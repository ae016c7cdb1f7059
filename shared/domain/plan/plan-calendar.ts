import { calendarText, calendarUtc, writeCalendar, type ContentLine } from '../../mail/icalendar';
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
const statusOf = (item: PlanItem): 'CANCELLED' | 'TENTATIVE' | 'CONFIRMED' =>
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
  const events = input.items.map((item): ContentLine[] => {
    const detail = itemDetail(item);
    const description = [
      `${kindLabels[item.kind]}: ${stateLabel(item)}.`,
      ...(detail ? [detail] : []),
      `Open it in Convene: ${item.editUrl}`,
    ]
      .map(singleLine)
      .join('\n');
    return [
      { name: 'UID', value: calendarText(planItemUid(input.eventId, item.itemId)) },
      { name: 'SUMMARY', value: calendarText(summaryOf(item)) },
      { name: 'DTSTAMP', value: calendarUtc(input.stamp) },
      { name: 'DTSTART', value: calendarUtc(new Date(item.at)) },
      { name: 'DESCRIPTION', value: calendarText(description) },
      { name: 'URL', value: singleLine(item.editUrl) },
      { name: 'STATUS', value: statusOf(item) },
      { name: 'CATEGORIES', value: calendarText(kindLabels[item.kind]) },
      { name: 'TRANSP', value: 'TRANSPARENT' },
      { name: 'DURATION', value: `PT${ITEM_MINUTES}M` },
    ];
  });
  return writeCalendar({
    productId: '-//Convene//Comms plan//EN',
    method: 'PUBLISH',
    name: singleLine(`Comms plan: ${input.eventTitle}`),
    events,
  });
};
