import { describe, expect, it } from '@jest/globals';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../../shared/zod';
import { RetryLaterError, sendEach } from '../../../shared/queue/send-each';

const batch = (...bodies: unknown[]): SQSEvent => ({
  Records: bodies.map(
    (body, i) =>
      ({
        messageId: `m${i}`,
        receiptHandle: `r${i}`,
        body: JSON.stringify(body),
        attributes: { ApproximateReceiveCount: '1' },
      }) as unknown as SQSRecord,
  ),
});

const schema = z.object({ n: z.number() });

describe('sendEach', () => {
  it('has up to `concurrency` records in hand at once, and reports only the failed ones', async () => {
    let inHand = 0;
    let most = 0;
    const backedOff: [string, number][] = [];
    const response = await sendEach(
      batch({ n: 1 }, { n: 2 }, { n: 3 }, { bad: true }, { n: 5 }),
      schema,
      async ({ n }) => {
        inHand += 1;
        most = Math.max(most, inHand);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inHand -= 1;
        if (n === 2) throw new RetryLaterError('later', 7);
      },
      async (record, seconds) => {
        backedOff.push([record.messageId, seconds]);
      },
      3,
    );
    expect(most).toBe(3);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm3' }]);
    expect(backedOff).toEqual([['m1', 7]]);
  });

  it('takes one record at a time by default', async () => {
    let inHand = 0;
    let most = 0;
    await sendEach(
      batch({ n: 1 }, { n: 2 }, { n: 3 }),
      schema,
      async () => {
        inHand += 1;
        most = Math.max(most, inHand);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inHand -= 1;
      },
      async () => undefined,
    );
    expect(most).toBe(1);
  });
});
