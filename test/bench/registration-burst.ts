import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';
import { resourceNames } from '../../infra/constructs/names';
import { orderInversions, percentile, sequenceOrder } from './burst-figures';

const REGISTRATIONS = 2000;
const WORKSHOPS = ['ws-curriculum', 'ws-send', 'ws-retention', 'ws-peer-review'];

/** What every SDK answer and error carries: how many attempts the call took. */
interface MetadataBearer {
  readonly $metadata: { readonly attempts?: number };
}

const DECIDED = new Set(['Registration Confirmed', 'Registration Waitlisted']);

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
 * local stack: losses, overbooking, order inversions (first come, first served: by the order the requests
 * entered the places queue, which is when the API accepts them, and, for comparison, by the time each
 * request's handler stamped on it), and the latency from
 * each POST to its final status (its Registration Confirmed or Waitlisted event) and to its mail at the
 * local SES; then the same items written as bare DynamoDB transactions, for the throughput ratio.
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

    // The functions run in this process and share this client: one middleware sees every call they make.
    const { documentClient } = await import('../../shared/adapters/dynamo/client');
    const contention = { transactionConflicts: 0, conditionFailures: 0, sdkRetries: 0 };
    const conditionFailuresByCommand: Record<string, number> = {};
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        try {
          const result = await next(args);
          contention.sdkRetries += Math.max(
            0,
            ((result.output as MetadataBearer).$metadata.attempts ?? 1) - 1,
          );
          return result;
        } catch (error) {
          const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } & MetadataBearer;
          contention.sdkRetries += Math.max(0, (e.$metadata?.attempts ?? 1) - 1);
          const codes = e.CancellationReasons?.map((r) => r.Code) ?? [e.name];
          if (codes.includes('TransactionConflict') || e.name === 'TransactionConflictException')
            contention.transactionConflicts += 1;
          else if (codes.includes('ConditionalCheckFailed') || e.name === 'ConditionalCheckFailedException') {
            contention.conditionFailures += 1;
            const command = (context.commandName ?? '?').replace(/Command$/, '');
            conditionFailuresByCommand[command] = (conditionFailuresByCommand[command] ?? 0) + 1;
          }
          throw error;
        }
      },
      { step: 'initialize', name: 'benchContention' },
    );

    // Tap, for the order of acceptance: each registration's sequence number in the places queue.
    const acceptedAs = new Map<string, string>();
    const placesQueue = resourceNames(stack.resources.stage).queue('places', true);
    const sendToQueue = stack.queues.send.bind(stack.queues);
    stack.queues.send = (queue, input) => {
      const sent = sendToQueue(queue, input);
      const entry = JSON.parse(input.body) as { DetailType?: string; Detail?: string };
      if (queue === placesQueue && entry.DetailType === 'Registration Requested' && sent.sequenceNumber) {
        const id = (JSON.parse(entry.Detail ?? '{}') as { registrationId?: string }).registrationId;
        if (id && !acceptedAs.has(id)) acceptedAs.set(id, sequenceOrder(sent.sequenceNumber));
      }
      return sent;
    };

    // Taps, for the latencies: when each decision reaches the bus, and each mail the local SES.
    const decidedAt = new Map<string, number>();
    const putEvents = stack.bus.putEvents.bind(stack.bus);
    stack.bus.putEvents = async (entries, injectFaults) => {
      const now = performance.now();
      for (const e of entries) {
        if (!DECIDED.has(e.DetailType ?? '')) continue;
        const id = (JSON.parse(e.Detail ?? '{}') as { registrationId?: string }).registrationId;
        if (id && !decidedAt.has(id)) decidedAt.set(id, now);
      }
      return putEvents(entries, injectFaults);
    };
    const mailedAt = new Map<string, number>();
    stack.ses.setFault((request) => {
      const data = (JSON.parse(request.body) as { Content?: { Raw?: { Data?: string } } }).Content?.Raw?.Data;
      const to = /^To: (?:.*<)?([^<>\s]+@[^<>\s]+)>?\r?$/m.exec(
        Buffer.from(data ?? '', 'base64').toString(),
      )?.[1];
      if (to && !mailedAt.has(to)) mailedAt.set(to, performance.now());
      return undefined;
    });

    const started = performance.now();
    const posted = await Promise.all(
      Array.from({ length: REGISTRATIONS }, async (_, i) => {
        const at = performance.now();
        const response = await fetch(`${stack.url}/events/${created.eventId}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Delegate ${i}`,
            email: `bench-${i}@example.org`,
            sessions: [WORKSHOPS[i % 4]],
          }),
        });
        const body = (await response.json().catch(() => ({}))) as { registrationId?: string };
        return {
          at,
          status: response.status,
          registrationId: body.registrationId,
          email: `bench-${i}@example.org`,
        };
      }),
    );
    const statuses = posted.map((p) => p.status);
    await stack.settle();
    const systemSeconds = (performance.now() - started) / 1000;
    stack.ses.setFault(undefined);
    const toDecision = posted.flatMap((p) => {
      const at = p.registrationId && decidedAt.get(p.registrationId);
      return at ? [at - p.at] : [];
    });
    const toMail = posted.flatMap((p) => {
      const at = mailedAt.get(p.email);
      return at ? [at - p.at] : [];
    });

    const list = (await (
      await fetch(`${stack.url}/events/${created.eventId}/registrations`, { headers: auth })
    ).json()) as {
      registrations: {
        registrationId: string;
        status: string;
        requestedAt: string;
        sessions: { sessionId: string; status: string }[];
      }[];
    };
    type Listed = (typeof list.registrations)[number];
    /** Inversions for event places and, among those with one, for each workshop, by the order given. */
    const inversionsBy = (orderOf: (r: Listed) => string) => {
      const forEvent = orderInversions(
        list.registrations.map((r) => ({
          order: orderOf(r),
          confirmed: r.status === 'confirmed',
          waitlisted: r.status === 'waitlisted',
        })),
      );
      const forWorkshops = WORKSHOPS.map((w) =>
        orderInversions(
          list.registrations.flatMap((r) => {
            const session = r.sessions.find((s) => s.sessionId === w);
            return session
              ? [
                  {
                    order: orderOf(r),
                    confirmed: r.status === 'confirmed' && session.status === 'confirmed',
                    // Among those with an event place: a workshop wait behind an event wait is counted above.
                    waitlisted: r.status === 'confirmed' && session.status === 'waitlisted',
                  },
                ]
              : [];
          }),
        ),
      ).reduce((a, b) => a + b, 0);
      return { forEvent, forWorkshops };
    };
    // A registration the tap missed sorts last, so it can only add inversions, never hide one.
    const byAcceptance = inversionsBy((r) => acceptedAs.get(r.registrationId) ?? '~');
    const byStamp = inversionsBy((r) => r.requestedAt);
    const eventInversions = byAcceptance.forEvent;
    const workshopInversions = byAcceptance.forWorkshops;
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
      orderInversions: eventInversions + workshopInversions,
      ...contention,
      orderInversionsForEventPlaces: eventInversions,
      orderInversionsForWorkshops: workshopInversions,
      // Not a correctness figure: requests in flight together have no order but the queue's.
      orderInversionsByRequestedAt: byStamp.forEvent + byStamp.forWorkshops,
      acceptedUnseen: list.registrations.filter((r) => !acceptedAs.has(r.registrationId)).length,
      conditionFailuresByCommand,
      decided: toDecision.length,
      p50MsToFinalStatus: percentile(toDecision, 50),
      p99MsToFinalStatus: percentile(toDecision, 99),
      p50MsToMail: percentile(toMail, 50),
      p99MsToMail: percentile(toMail, 99),
      mails: (await stack.ses.mail()).length,
      throughputRatioToRawTransactions: Number((rawSeconds / systemSeconds).toFixed(3)),
    };
  } finally {
    await stack.stop();
  }
};
