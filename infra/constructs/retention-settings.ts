import {
  DEFAULT_NEEDS_RETENTION_DAYS,
  DEFAULT_RETENTION_DAYS,
  parseRetentionDays,
} from '../../shared/domain/gdpr/retention';
import { ContextKeys, SettingsError } from './settings';

const days = (lookup: (key: string) => unknown, key: string, fallback: number): number => {
  const raw = lookup(key);
  try {
    return parseRetentionDays(raw === undefined || raw === null ? undefined : String(raw), fallback);
  } catch (error) {
    throw new SettingsError(key, (error as Error).message, raw);
  }
};

/**
 * `convene:dataRetentionDays` (default 180) and `convene:needsRetentionDays` (default 30, at most the
 * other): how long after an event ends its personal data, and its access and dietary needs, are kept.
 */
export const parseRetention = (
  lookup: (key: string) => unknown,
): { dataRetentionDays: number; needsRetentionDays: number } => {
  const dataRetentionDays = days(lookup, ContextKeys.dataRetentionDays, DEFAULT_RETENTION_DAYS);
  const needsRetentionDays = days(
    lookup,
    ContextKeys.needsRetentionDays,
    Math.min(DEFAULT_NEEDS_RETENTION_DAYS, dataRetentionDays),
  );
  if (needsRetentionDays > dataRetentionDays) {
    throw new SettingsError(
      ContextKeys.needsRetentionDays,
      `must be at most ${ContextKeys.dataRetentionDays} (${dataRetentionDays})`,
      needsRetentionDays,
    );
  }
  return { dataRetentionDays, needsRetentionDays };
};
