import { DomainError, invalid, type FieldProblem } from '../errors';
import { MAX_WEIGHTED_LENGTH, weightedLengthOf } from './weighted-length';

// The parts of a post, checked and counted: apart from post.ts so that what only schedules or sends a
// post (the sync, the publisher) does not bundle X's counting rules (twitter-text and its polyfills).

export const MAX_PARTS = 25;

/** X's weighted length of each part (URLs 23, emoji 2, CJK 2), as twitter-text counts it. */
export const weightedLengths = (parts: readonly string[]): number[] => parts.map(weightedLengthOf);

/** The parts as sent, or a 400 naming each part that is empty or too long. */
export const checkParts = (parts: readonly string[], field: 'text' | 'thread'): number[] => {
  if (parts.length === 0) throw invalid([{ path: field, message: 'A thread needs at least one part' }]);
  if (parts.length > MAX_PARTS)
    throw invalid([{ path: field, message: `A thread has at most ${MAX_PARTS} parts` }]);
  const pathOf = (i: number) => (field === 'text' ? 'text' : `thread.${i}`);
  const empty: FieldProblem[] = parts.flatMap((p, i) =>
    p.trim() === '' ? [{ path: pathOf(i), message: 'Must not be empty' }] : [],
  );
  if (empty.length > 0) throw invalid(empty);
  const lengths = weightedLengths(parts);
  const long = lengths.flatMap((n, i) => (n > MAX_WEIGHTED_LENGTH ? [i] : []));
  if (long.length > 0) {
    const first = long[0]!;
    const name = field === 'text' ? 'The post' : `Part ${first + 1}`;
    throw new DomainError(
      'invalid',
      'too_long',
      `${name} is ${lengths[first]} weighted characters long; X allows ${MAX_WEIGHTED_LENGTH}.`,
      long.map((i) => ({
        path: pathOf(i),
        message: `Weighted length ${lengths[i]} is over ${MAX_WEIGHTED_LENGTH}`,
      })),
    );
  }
  return lengths;
};
