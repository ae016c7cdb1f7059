import { EnvNames, optionalEnv, type EnvName } from '../config/env';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/durations';
import type { CounterWindow } from '../domain/limits/windows';

const limitOf = (name: EnvName, fallback: number): number => {
  const value = optionalEnv(name);
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, got ${value}`);
  return n;
};

/**
 * X's posting limits for the account, as configured (defaults: 50 per 15 minutes, 300 per day), read
 * at cold start, as window counters: 15 minutes counted by the minute, a day by the hour.
 */
export const socialWindows: readonly CounterWindow[] = [
  {
    name: 'x-15-minutes',
    label: '15 minutes',
    windowMs: 15 * MINUTE_MS,
    bucketMs: MINUTE_MS,
    limit: limitOf(EnvNames.socialLimitPer15Min, 50),
  },
  {
    name: 'x-day',
    label: 'day',
    windowMs: DAY_MS,
    bucketMs: HOUR_MS,
    limit: limitOf(EnvNames.socialLimitPerDay, 300),
  },
];
