import { describe, expect, it } from '@jest/globals';
import type { SQSEvent } from 'aws-lambda';
import { eachInOrder } from '../../../shared/queue/each-in-order';

const batchOf = (...ids: string[]): SQSEvent =>
  ({ Records: ids.map((id) => ({ messageId: id, body: id })) }) as unknown as SQSEvent;

describe('eachInOrder (a FIFO batch)', () => {
  it('works through the messages one at a time, in the order given', async () => {
    const seen: string[] = [];
    let running = 0;
    const answer = await eachInOrder(batchOf('a', 'b', 'c'), async (record) => {
      running += 1;
      expect(running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(record.body);
      running -= 1;
    });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(answer).toEqual({ batchItemFailures: [] });
  });

  it('fails the first message that fails and every message after it, without working on them', async () => {
    const seen: string[] = [];
    const answer = await eachInOrder(batchOf('a', 'b', 'c', 'd'), async (record) => {
      seen.push(record.body);
      if (record.body === 'b') throw new Error('DynamoDB refused');
    });
    expect(seen).toEqual(['a', 'b']);
    expect(answer.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['b', 'c', 'd']);
  });
});
