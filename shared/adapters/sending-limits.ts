import { EnvNames, optionalEnv, requireEnv } from '../config/env';

const positive = (name: string, value: string): number => {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
};

/**
 * What a campaign is planned against, read and checked at cold start: the account's send rate (the same
 * setting the sender keeps to) and its daily quota.
 */
export const campaignSettings = {
  sendRatePerSecond: positive(EnvNames.sendRatePerSecond, requireEnv(EnvNames.sendRatePerSecond)),
  dailyQuota: Math.floor(positive(EnvNames.sendDailyQuota, optionalEnv(EnvNames.sendDailyQuota) ?? '50000')),
} as const;
