import type { PostOffset } from '../../domain/social/post';
import { formatMomentForUk, instantToWallClock } from '../../domain/wall-clock';

/** What an offset can count from, as the form offers it: the event's start and end, and each session. */
export interface TimingAnchors {
  readonly timezone: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly sessions: readonly { readonly id: string; readonly title: string; readonly startsAt: string }[];
}

/** The units the form writes an offset in, each in minutes: what it offers, reads and prefills. */
export const OFFSET_UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
export type OffsetUnit = keyof typeof OFFSET_UNITS;

/** An offset as the form shows it: `30` `minutes` `before` `start`. */
export interface OffsetFields {
  readonly amount: string;
  readonly unit: OffsetUnit;
  readonly direction: 'before' | 'after';
  readonly from: string;
}

const timeOfDay = (instant: string, zone: string): string => instantToWallClock(instant, zone).slice(11, 16);

/** The choices of "from", in the day's order: the start, each session, the end; each with its time. */
export const anchorOptions = (anchors: TimingAnchors): { value: string; text: string }[] => [
  { value: 'start', text: `the start of the event (${timeOfDay(anchors.startsAt, anchors.timezone)})` },
  ...[...anchors.sessions]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => ({ value: s.id, text: `${s.title} (${timeOfDay(s.startsAt, anchors.timezone)})` })),
  { value: 'end', text: `the end of the event (${timeOfDay(anchors.endsAt, anchors.timezone)})` },
];

const anchorName = (from: string, anchors: TimingAnchors): string => {
  if (from === 'start') return 'the start of the event';
  if (from === 'end') return 'the end of the event';
  return anchors.sessions.find((s) => s.id === from)?.title ?? 'a session no longer in the event';
};

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "14 days", "2 hours and 30 minutes", "1 day, 3 hours and 5 minutes": as a person says it. */
const spoken = (minutes: number): string => {
  const parts = [
    [Math.floor(minutes / OFFSET_UNITS.days), 'day'],
    [Math.floor((minutes % OFFSET_UNITS.days) / OFFSET_UNITS.hours), 'hour'],
    [minutes % OFFSET_UNITS.hours, 'minute'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => plural(n, unit));
  return said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said.at(-1)}` : (said[0] ?? '');
};

/** "30 minutes before Opening keynote", "14 days before the start of the event", "At the start of the event". */
export const describeOffset = (offset: PostOffset, anchors: TimingAnchors): string => {
  const name = anchorName(offset.from, anchors);
  if (offset.minutes === 0)
    return `At ${offset.from === 'start' || offset.from === 'end' ? name : `the start of ${name}`}`;
  return `${spoken(Math.abs(offset.minutes))} ${offset.minutes < 0 ? 'before' : 'after'} ${name}`;
};

/** The form's fields for an offset: in the largest unit it is a whole number of (14 days, not 336 hours). */
export const offsetFields = (offset: PostOffset): OffsetFields => {
  const minutes = Math.abs(offset.minutes);
  const unit =
    (['days', 'hours'] as const).find((u) => minutes > 0 && minutes % OFFSET_UNITS[u] === 0) ?? 'minutes';
  return {
    amount: String(minutes / OFFSET_UNITS[unit]),
    unit,
    direction: offset.minutes < 0 ? 'before' : 'after',
    from: offset.from,
  };
};

/** "Thursday 1 April 2027 at 08:30", in the event's zone. */
export const postMoment = (publishAt: string, zone: string): string =>
  formatMomentForUk(new Date(publishAt), zone);
