import { auditRepository } from '../../adapters/dynamo/audit-repository';
import { logger } from '../../adapters/observability';
import { auditRecordOf, type Answered } from '../../domain/audit/audit-record';
import { problem, type HttpResult } from '../../http/respond';

/**
 * Records what a successful answer did, after the handler gave it and before it leaves (the audit
 * middleware of httpContract and of the console's router call this, so no handler records anything
 * itself). One put; the SDK client retries it (4 attempts). Should it still fail, the answer is replaced
 * by a 500: an export must never reach someone without its record, and a change whose record is lost
 * would look, in the audit, as if nobody made it. The record is logged (ids only) so it is not lost.
 */
export const recordAnswer = async (answered: Answered): Promise<HttpResult | undefined> => {
  const record = auditRecordOf(answered);
  if (!record) return undefined;
  try {
    await auditRepository.record(record);
    return undefined;
  } catch (error) {
    logger.error('Audit record not written; the answer is withheld', { error: error as Error, record });
    return problem(
      500,
      'audit_unavailable',
      'This could not be recorded in the event’s audit, so it was not answered; please try again.',
    );
  }
};
