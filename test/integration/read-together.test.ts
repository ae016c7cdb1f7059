import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { readTogether as ReadTogether } from '../../shared/adapters/dynamo/read-together';
import { startTestStack } from '../support/local-stack';

let stack: LocalStack;
let readTogether: typeof ReadTogether;
const calls: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  // The adapters read the stack's environment when first loaded, so only once it runs.
  readTogether = (await import('../../shared/adapters/dynamo/read-together')).readTogether;
  const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  for (let i = 0; i < 12; i += 1)
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { pk: `T#${i}`, sk: 'T', n: i } }),
    );
  documentClient.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
}, 60_000);
afterAll(async () => stack?.stop());

describe('reads asked for together', () => {
  it('are one BatchGetItem, each answered with its own item, or nothing where there is none', async () => {
    calls.length = 0;

    const items = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99].map((i) => readTogether({ pk: `T#${i}`, sk: 'T' })),
    );

    expect(items.map((item) => item?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, undefined]);
    expect(calls).toEqual(['BatchGetItemCommand']);
  });

  it('answer the same key asked twice with one read, and a read asked later with a call of its own', async () => {
    calls.length = 0;

    const [a, b] = await Promise.all([
      readTogether({ pk: 'T#10', sk: 'T' }),
      readTogether({ pk: 'T#10', sk: 'T' }),
    ]);
    const later = await readTogether({ pk: 'T#11', sk: 'T' });

    expect([a?.n, b?.n, later?.n]).toEqual([10, 10, 11]);
    expect(calls).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
  });

  it('see a write made just before them (strongly consistent)', async () => {
    const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'T#0', sk: 'T' },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 100 },
      }),
    );

    expect((await readTogether({ pk: 'T#0', sk: 'T' }))?.n).toBe(100);
  });

  it('fail each read in a batch that fails', async () => {
    const reads = [readTogether({ pk: 'T#1', sk: 'T' }), readTogether({ pk: '', sk: 'T' })];

    for (const read of reads) await expect(read).rejects.toThrow();
  });
});
