import { EnvNames, optionalEnv, requireEnv } from '../config/env';

const positive = (name: string, value: string): number => {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
};

/** The sender's pacing and retry settings, read and checked at cold start. */
export const sendSettings = {
  /** The account's SES rate, split between the sender instances that run at once. */
  ratePerInstance:
    positive(EnvNames.sendRatePerSecond, requireEnv(EnvNames.sendRatePerSecond)) /
    positive(EnvNames.sendConcurrency, optionalEnv(EnvNames.sendConcurrency) ?? '1'),
  maxReceiveCount: positive(
    EnvNames.queueMaxReceiveCount,
    optionalEnv(EnvNames.queueMaxReceiveCount) ?? '10',
  ),
  retryBaseSeconds: positive(
    EnvNames.sendRetryBaseSeconds,
    optionalEnv(EnvNames.sendRetryBaseSeconds) ?? '2',
  ),
  /**
   * How long a claimed send may stay unsettled before it is sent again: longer than SES takes to report
   * a Send event, so a crash after SES took the message never causes a second copy.
   */
  claimLeaseSeconds: positive(
    EnvNames.sendClaimLeaseSeconds,
    optionalEnv(EnvNames.sendClaimLeaseSeconds) ?? '300',
  ),
} as const;
