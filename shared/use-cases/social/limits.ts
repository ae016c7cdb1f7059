import { WindowFullError } from '../../adapters/dynamo/social-post-repository';
import { roomIn } from '../../adapters/dynamo/limit-counters';
import { conflict, type DomainError } from '../../domain/errors';

/**
 * The 409 for a post that would pass X's limit in a window (the counters refused it, so nothing was
 * written), with the room that is left there.
 */
export const windowFullProblem = async (error: WindowFullError): Promise<DomainError> => {
  const { window, at, tweets } = error;
  const room = await roomIn(window, at);
  return conflict(
    'rate_limit_window_full',
    `X allows ${window.limit} posts in any ${window.label}; the ${window.label} around ${at.toISOString()} ` +
      `has room for ${room} more, so ${tweets} would be too many. Choose another time.`,
  );
};

/** Runs a write of a post, turning a full window into its 409. */
export const withinWindows = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof WindowFullError) throw await windowFullProblem(error);
    throw error;
  }
};
