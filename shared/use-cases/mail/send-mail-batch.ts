import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { retryAfter } from '../../adapters/queue-retry';
import type { SendFault } from '../../domain/delivery/send-fault';
import { sendRequestSchema } from '../../domain/mail/send-request';
import { sendEach } from '../../queue/send-each';
import { ConfigurationFaultError, reportConfigurationFaults } from './configuration-fault';
import { sendMail } from './send-mail';

/**
 * One batch of the send queue, each record on its own: one bad address or a throttled send never holds
 * up or repeats the rest. The records are in hand at once, so one waiting on DynamoDB or SES never
 * leaves the rate unused; the limiter orders their SES calls. Configuration faults are gathered and
 * reported once for the batch.
 */
export const sendMailBatch = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const faults: SendFault[] = [];
  const response = await sendEach(
    event,
    sendRequestSchema,
    async (request, delivery) => {
      try {
        return await sendMail(request, delivery);
      } catch (error) {
        if (error instanceof ConfigurationFaultError) faults.push(error.fault);
        throw error;
      }
    },
    retryAfter,
    event.Records.length,
  );
  reportConfigurationFaults(faults);
  return response;
};
