import { publishCount } from '../../adapters/metrics';
import { logger } from '../../adapters/observability';
import { SEND_CONFIGURATION_FAULT_METRIC, type SendFault } from '../../domain/delivery/send-fault';
import { RetryLaterError } from '../../queue/send-each';

/**
 * A send held back because the account or its setup is wrong: its message stays on the queue (backed off
 * through its visibility) and, past the last receive, goes to the send DLQ for a redrive once fixed.
 */
export class ConfigurationFaultError extends RetryLaterError {
  constructor(
    readonly fault: SendFault,
    seconds: number,
  ) {
    super(fault.reason, seconds);
    this.name = 'ConfigurationFaultError';
  }
}

/**
 * One metric and one error log for a batch's configuration faults, however many of its records met them:
 * the alarm needs the count, the person it wakes needs each distinct reason once.
 */
export const reportConfigurationFaults = (faults: readonly SendFault[]): void => {
  if (faults.length === 0) return;
  const distinct = new Map(faults.map((f) => [f.reason, { code: f.code, reason: f.reason, hint: f.hint }]));
  logger.error(
    'Mail held, not failed: a configuration fault stops sending; fix it, then redrive the send DLQ',
    {
      held: faults.length,
      faults: [...distinct.values()],
    },
  );
  publishCount(SEND_CONFIGURATION_FAULT_METRIC, faults.length);
};
