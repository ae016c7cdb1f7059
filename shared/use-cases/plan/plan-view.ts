import { EnvNames, requireEnv } from '../../config/env';
import { planEditPath } from '../../console/plan/plan-links';
import { now } from '../../clock';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { instantToWallClock } from '../../domain/wall-clock';
import type { CommsPlan } from './read-plan';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/** The plan's items with their times in the event's zone and the console address that edits each. */
const itemsOf = (plan: CommsPlan) =>
  plan.items.map((item) => {
    const { edit, ...rest } = item;
    return {
      ...rest,
      atLocal: instantToWallClock(item.at, plan.timezone),
      editUrl: `${publicUrl}${planEditPath(plan.eventId, edit)}`,
    };
  });

/** GET /events/{eventId}/plan as JSON. */
export const planJson = (plan: CommsPlan) => ({
  eventId: plan.eventId,
  title: plan.title,
  timezone: plan.timezone,
  status: plan.status,
  items: itemsOf(plan),
});

/** The plan as an iCalendar file (the feed, and GET /plan with `Accept: text/calendar`). */
export const planIcs = (plan: CommsPlan): string =>
  planCalendar({
    eventId: plan.eventId,
    eventTitle: plan.title,
    items: plan.items.map((item) => ({
      ...item,
      editUrl: `${publicUrl}${planEditPath(plan.eventId, item.edit)}`,
    })),
    stamp: now(),
  });

/** The file name a calendar download is saved under. */
export const planFileName = (eventId: string): string => `plan-${eventId}.ics`;
