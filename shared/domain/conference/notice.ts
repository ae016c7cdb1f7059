import type { EventChange } from '../../../events/event-change';
import type { Conference } from './conference';

export type { EventChange };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What delegates must be told about a change: the day's times, the venue and each session's times,
 * before and after. Titles, capacity, reminders and the survey are the organisers' business.
 */
export const noticeOf = (before: Conference, after: Conference): EventChange[] => {
  const changes: EventChange[] = [];
  const span = (c: Conference, s: { startsAt: string; endsAt: string }) => ({
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timezone: c.timezone,
  });
  if (!same(span(before, before), span(after, after)))
    changes.push({ what: 'times', before: span(before, before), after: span(after, after) });
  if (before.venue.name !== after.venue.name || before.venue.address !== after.venue.address)
    changes.push({ what: 'venue', before: before.venue, after: after.venue });
  const earlier = new Map(before.sessions.map((s) => [s.id, s]));
  for (const s of after.sessions) {
    const was = earlier.get(s.id);
    if (!was || same(span(before, was), span(after, s))) continue;
    changes.push({
      what: 'session',
      sessionId: s.id,
      title: s.title,
      before: span(before, was),
      after: span(after, s),
    });
  }
  return changes;
};
