import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { EnvNames, optionalEnv } from '../../config/env';
import { conflict } from '../../domain/errors';
import { brokenLimit, type WindowLimit } from '../../domain/social/post';

const DAY_MS = 86_400_000;

/** X's posting limits for the account, as configured (defaults: 50 per 15 minutes, 300 per day). */
export const windowLimits = (): WindowLimit[] => [
  {
    label: '15 minutes',
    windowMs: 15 * 60_000,
    limit: Number(optionalEnv(EnvNames.socialLimitPer15Min) ?? 50),
  },
  { label: 'day', windowMs: DAY_MS, limit: Number(optionalEnv(EnvNames.socialLimitPerDay) ?? 300) },
];

/** A 409 where `tweets` more at `at` would put more into a window than the configured limit allows. */
export const checkWindowLimits = async (at: Date, tweets: number, exceptPostId?: string): Promise<void> => {
  const limits = windowLimits();
  const widest = Math.max(...limits.map((l) => l.windowMs));
  const slots = (
    await socialPostRepository.slotsBetween(new Date(at.getTime() - widest), new Date(at.getTime() + widest))
  ).filter((s) => s.postId !== exceptPostId);
  const broken = brokenLimit(slots, at.getTime(), tweets, limits);
  if (broken) {
    throw conflict(
      'rate_limit_window_full',
      `X allows ${broken.limit} posts in any ${broken.label}; ${broken.already} are already scheduled in the ` +
        `${broken.label} around ${at.toISOString()}, so ${tweets} more would be too many. Choose another time.`,
    );
  }
};
