import { EnvNames, optionalEnv } from '../config/env';
import {
  DEFAULT_NEEDS_RETENTION_DAYS,
  DEFAULT_RETENTION_DAYS,
  parseRetentionDays,
  type Retention,
} from '../domain/gdpr/retention';

/** The deployment's retention (DATA_RETENTION_DAYS, NEEDS_RETENTION_DAYS; empty for the defaults). */
export const retention = (): Retention => {
  const days = parseRetentionDays(optionalEnv(EnvNames.dataRetentionDays), DEFAULT_RETENTION_DAYS);
  return {
    days,
    needsDays: parseRetentionDays(
      optionalEnv(EnvNames.needsRetentionDays),
      Math.min(DEFAULT_NEEDS_RETENTION_DAYS, days),
    ),
  };
};
