import { resolveConference } from '../../domain/conference';
import { DomainError, type FieldProblem } from '../../domain/errors';

const TIME_PATHS = ['timezone', 'startsAt', 'endsAt'];

/** What the domain's check needs of a stored event and does not read for times and places. */
const STAND_IN_BASE = { eventId: '-', status: 'draft', version: 0, createdAt: '', updatedAt: '' } as const;

/**
 * The domain's problems with an event's zone, start and end alone (an end before the start, a start in
 * the past), for a form the schema refused for other reasons: GOV.UK shows every problem at once, and
 * the schema stops before the domain's checks run. Only fields the schema did not already refuse.
 */
export const timeProblemsBeside = (
  body: Readonly<Record<string, unknown>>,
  refused: readonly FieldProblem[],
  now: Date,
  /** As the domain asks: a new event, or a change of its start, must be in the future. */
  requireFuture = true,
): FieldProblem[] => {
  const { timezone, startsAt, endsAt } = body;
  if (refused.some((p) => TIME_PATHS.includes(p.path))) return [];
  if (typeof timezone !== 'string' || typeof startsAt !== 'string' || typeof endsAt !== 'string') return [];
  try {
    // Only the times matter here: the other fields are stand-ins the check does not read.
    resolveConference(
      { title: '-', venue: { name: '-' }, capacity: 1, timezone, startsAt, endsAt },
      STAND_IN_BASE,
      now,
      { requireFuture },
    );
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.filter((p) => TIME_PATHS.includes(p.path));
  }
};

const SESSION_CHECKED = /^sessions\.\d+\.(startsAt|endsAt|capacity)$/;

/**
 * The domain's problems with each session's times and places (an end before its start, outside the
 * event, more places than the event), for a sessions form the schema refused for other reasons (a blank
 * title): so the organiser sees every problem on the first save, not one batch a save. Only fields the
 * schema did not already refuse.
 */
export const sessionProblemsBeside = (
  sessions: readonly unknown[],
  refused: readonly FieldProblem[],
  event: {
    readonly timezone: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly capacity: number;
  },
  now: Date,
): FieldProblem[] => {
  const said = new Set(refused.map((p) => p.path));
  // Only the times, places and ids matter here: the titles and kinds are stand-ins the check does not read.
  const standIns = sessions.map((sent) => {
    const s = sent as Readonly<Record<string, unknown>>;
    return {
      ...(typeof s.id === 'string' ? { id: s.id } : {}),
      title: '-',
      kind: 'keynote' as const,
      startsAt: typeof s.startsAt === 'string' ? s.startsAt : '',
      endsAt: typeof s.endsAt === 'string' ? s.endsAt : '',
      ...(typeof s.capacity === 'number' ? { capacity: s.capacity } : {}),
    };
  });
  try {
    resolveConference(
      { title: '-', venue: { name: '-' }, ...event, sessions: standIns },
      STAND_IN_BASE,
      now,
      { requireFuture: false },
    );
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.filter((p) => SESSION_CHECKED.test(p.path) && !said.has(p.path));
  }
};
