import { resolveConference } from '../../domain/conference';
import { DomainError, type FieldProblem } from '../../domain/errors';

const TIME_PATHS = ['timezone', 'startsAt', 'endsAt'];

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
      { eventId: '-', status: 'draft', version: 0, createdAt: '', updatedAt: '' },
      now,
      { requireFuture },
    );
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.filter((p) => TIME_PATHS.includes(p.path));
  }
};
