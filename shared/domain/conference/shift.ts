import { invalid, type FieldProblem } from '../errors';
import { compareWallClock, shiftWallClock, wholeDaysBetween } from '../wall-clock';
import type { ConferenceInput, ConferencePatch } from './conference';

const describeMove = (days: number | undefined, from: string, to: string): string =>
  days === undefined
    ? `from ${from} to ${to} (not a whole number of days)`
    : `by ${days} day${Math.abs(days) === 1 ? '' : 's'}`;

/**
 * Moving the whole day moves its sessions: a patch that moves `startsAt` and `endsAt` by the same whole
 * number of days and leaves `sessions` out gets every session moved by as many days (wall-clock, so a
 * clock change between the dates keeps 09:30 at 09:30). Any other move without `sessions` is taken as
 * it is, unless it would leave a session outside the day: then the 400 names each field to send.
 */
export const withSessionsMoved = (before: ConferenceInput, patch: ConferencePatch): ConferencePatch => {
  if (patch.sessions !== undefined || (patch.startsAt === undefined && patch.endsAt === undefined))
    return patch;
  const sessions = before.sessions ?? [];
  const startsAt = patch.startsAt ?? before.startsAt;
  const endsAt = patch.endsAt ?? before.endsAt;
  const startDays = wholeDaysBetween(before.startsAt, startsAt);
  const endDays = wholeDaysBetween(before.endsAt, endsAt);
  if (startDays !== undefined && startDays === endDays) {
    if (startDays === 0 || sessions.length === 0) return patch;
    return {
      ...patch,
      sessions: sessions.map((s) => ({
        ...s,
        startsAt: shiftWallClock(s.startsAt, startDays),
        endsAt: shiftWallClock(s.endsAt, startDays),
      })),
    };
  }
  const outside: FieldProblem[] = sessions.flatMap((s, i) => {
    const early = compareWallClock(s.startsAt, startsAt) < 0;
    const late = compareWallClock(s.endsAt, endsAt) > 0;
    if (!early && !late) return [];
    const where = early
      ? `starts (${s.startsAt}) before the new start ${startsAt}`
      : `ends (${s.endsAt}) after the new end ${endsAt}`;
    return [
      {
        path: `sessions.${i}.${early ? 'startsAt' : 'endsAt'}`,
        message: `Session "${s.title}" (id ${s.id ?? i}) ${where}: send it with its new startsAt and endsAt`,
      },
    ];
  });
  if (outside.length === 0) return patch;
  throw invalid(
    [
      {
        path: 'sessions',
        message: `startsAt moved ${describeMove(startDays, before.startsAt, startsAt)} and endsAt ${describeMove(endDays, before.endsAt, endsAt)}, so the sessions cannot be moved with them: send the whole sessions list with their new times, or move startsAt and endsAt by the same whole number of days`,
      },
      ...outside,
    ],
    'The sessions cannot follow this change of times on their own: say where each one goes.',
  );
};
