import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';

const REGISTRATIONS = 2000;
const WORKSHOPS = ['ws-curriculum', 'ws-send', 'ws-retention', 'ws-peer-review'];

const inParallel = async <T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < count; i = next++) results[i] = await work(i);
    }),
  );
  return results;
};

/**
 * 2,000 registrations at once for the demo day (350 places, four workshops of 40), through the whole
 * local stack; then the same items written as bare DynamoDB transactions, for the throughput ratio.
 */
export const registrationBurst = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.SEND_RATE_PER_SECOND = '1000';
  const stack = await startLocalStack({ port: 0, mailPort: 0, registrationLimitPerMinute: 0 });
  try {
    const auth = {
      authorization: `Bearer ${await signLocalToken(['organisers'])}`,
      'content-type': 'application/json',
    };
    const created = (await (
      await fetch(`${stack.url}/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(demoConference(stack.clock.now())),
      })
    ).json()) as { eventId: string };
    await fetch(`${stack.url}/events/${created.eventId}/publish`, { method: 'POST', headers: auth });
    await stack.settle();

    const started = performance.now();
    const statuses = await Promise.all(
      Array.from(
        { length: REGISTRATIONS },
        async (_, i) =>
          (
            await fetch(`${stack.url}/events/${created.eventId}/registrations`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                name: `Delegate ${i}`,
                email: `bench-${i}@example.org`,
                sessions: [WORKSHOPS[i % 4]],
              }),
            })
          ).status,
      ),
    );
    await stack.settle();
    const systemSeconds = (performance.now() - started) / 1000;

    const list = (await (
      await fetch(`${stack.url}/events/${created.eventId}/registrations`, { headers: auth })
    ).json()) as {
      registrations: { status: string; sessions: { sessionId: string; status: string }[] }[];
    };
    const confirmed = list.registrations.filter((r) => r.status === 'confirmed');
    const perWorkshop = WORKSHOPS.map(
      (w) =>
        confirmed.filter((r) => r.sessions.some((s) => s.sessionId === w && s.status === 'confirmed')).length,
    );

    // The floor: the same four items per registration as one bare transaction each, same DynamoDB Local.
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
        region: 'eu-west-2',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      }),
    );
    const table = `bench-raw-${randomUUID()}`;
    await ensureTable(raw as unknown as DynamoDBClient, table);
    const rawStarted = performance.now();
    await inParallel(REGISTRATIONS, 10, async (i) => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await raw.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: table, Item: { pk: `REG#${i}`, sk: 'REG', status: 'confirmed' } } },
                {
                  Put: {
                    TableName: table,
                    Item: { pk: `EMAIL#${i}`, sk: 'EMAIL', registrationId: String(i) },
                  },
                },
                {
                  Update: {
                    TableName: table,
                    Key: { pk: 'EVENT', sk: 'SEATS#EVENT' },
                    UpdateExpression: 'ADD taken :one',
                    ExpressionAttributeValues: { ':one': 1 },
                  },
                },
                {
                  Update: {
                    TableName: table,
                    Key: { pk: 'EVENT', sk: `SEATS#${i % 4}` },
                    UpdateExpression: 'ADD taken :one',
                    ExpressionAttributeValues: { ':one': 1 },
                  },
                },
              ],
            }),
          );
        } catch (error) {
          if (attempt > 20) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** Math.min(attempt, 6)));
        }
      }
    });
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    return {
      registrations: REGISTRATIONS,
      answered5xx: statuses.filter((s) => s >= 500).length,
      stored: list.registrations.length,
      lost: REGISTRATIONS - list.registrations.length,
      confirmed: confirmed.length,
      overbooked:
        Math.max(0, confirmed.length - 350) + perWorkshop.reduce((n, w) => n + Math.max(0, w - 40), 0),
      perWorkshop: perWorkshop.join('/'),
      mails: (await stack.ses.mail()).length,
      throughputRatioToRawTransactions: Number((rawSeconds / systemSeconds).toFixed(3)),
    };
  } finally {
    await stack.stop();
  }
};
