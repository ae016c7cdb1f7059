import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import { meterWrites } from './write-meter';

const REGISTRATIONS = 200;
const WORKSHOPS = ['ws-curriculum', 'ws-send', 'ws-retention', 'ws-peer-review'];

/**
 * The writes a registration with one workshop cannot do without, in write capacity units (items under
 * 1 KB), as issue 15 fixes them: the registration, its email claim and the event and workshop seat
 * counters in one transaction (4 items, doubled as transactions are: 8), the registration's copy in the
 * event's listing index (1), the confirmation mail's ledger entry, written before the send and settled
 * after (2), and the conditional update of the one limit a public registration meets, the mail cap per
 * address (1): 12.
 */
export const MINIMUM_WCU_PER_REGISTRATION = 12;

/**
 * The writes a campaign recipient cannot do without: its ledger entry written when the campaign starts
 * and settled when SES took the mail (items under 1 KB): 2. The audience list and the campaign's own item
 * are written once per campaign or per thousand recipients, a fraction of a unit each.
 */
export const MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT = 2;

const perItem = (by: Record<string, number>, count: number) =>
  Object.fromEntries(
    Object.entries(by)
      .sort(([, a], [, b]) => b - a)
      .map(([what, wcu]) => [what, Number((wcu / count).toFixed(2))]),
  );

/**
 * 200 registrations (one workshop each, all confirmed) through the whole local stack, each with its
 * confirmation mail sent, then one campaign to all of them, with every write the functions make metered
 * by AWS's rules (write-meter.ts): write capacity units per registration and per campaign recipient,
 * against their minimums, itemised by write and by table and index. Writes refused by their condition
 * are charged as AWS charges them.
 */
export const registrationCost = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.SEND_RATE_PER_SECOND = '1000';
  const dynamo = await startDynamoDbLocal();
  const stack = await startLocalStack({
    port: 0,
    mailPort: 0,
    registrationLimitPerMinute: 0,
    dynamodbEndpoint: dynamo.endpoint,
    // On AWS SES's Send event goes out after its answer by way of EventBridge, well after the sender's own
    // settle, and the event's handler only reads the entry. At the local 50 ms it overtook the sender's
    // settle, which the meter holds back (one write at a time), and one of the two settles was refused
    // (0.95 units a mail).
    sesEventDelayMs: 2_000,
  });
  try {
    // The functions run in this process and share this client, so one middleware sees all their writes.
    const { documentClient } = await import('../../shared/adapters/dynamo/client');
    const reader = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    });
    const meter = meterWrites(documentClient, TableDesign, stack.resources.tableName, reader);

    const auth = {
      authorization: `Bearer ${await signLocalToken(['organisers'])}`,
      'content-type': 'application/json',
    };
    const { eventId } = (await (
      await fetch(`${stack.url}/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(demoConference(stack.clock.now())),
      })
    ).json()) as { eventId: string };
    await fetch(`${stack.url}/events/${eventId}/publish`, { method: 'POST', headers: auth });
    await stack.settle();

    meter.start();
    for (let i = 0; i < REGISTRATIONS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          fetch(`${stack.url}/events/${eventId}/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name: `Delegate ${i + j}`,
              email: `cost-${i + j}@example.org`,
              organisation: 'Oak Academy',
              sessions: [WORKSHOPS[(i + j) % 4]],
            }),
          }),
        ),
      );
    }
    await stack.settle();
    const registrations = meter.stop();
    const mails = (await stack.ses.mail()).length;
    const perRegistration = registrations.units / REGISTRATIONS;

    // Then one campaign to all of them: the writes from its creation until its last mail is settled.
    meter.start();
    await fetch(`${stack.url}/events/${eventId}/campaigns`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        subject: 'Cost news',
        text: 'Dear {{name}}, news.',
        audience: { status: ['confirmed', 'waitlisted'] },
      }),
    });
    await stack.settle();
    const campaign = meter.stop();
    const recipients = (await stack.ses.mail()).filter((m) => m.subject === 'Cost news').length;
    const perRecipient = campaign.units / Math.max(1, recipients);
    return {
      registrations: REGISTRATIONS,
      mails,
      writeCapacityUnits: registrations.units,
      wcuPerRegistration: Number(perRegistration.toFixed(2)),
      minimumWcuPerRegistration: MINIMUM_WCU_PER_REGISTRATION,
      ratioToMinimum: Number((perRegistration / MINIMUM_WCU_PER_REGISTRATION).toFixed(2)),
      perRegistrationByWrite: perItem(registrations.byWrite, REGISTRATIONS),
      perRegistrationByTarget: perItem(registrations.byTarget, REGISTRATIONS),
      refusedWritesInRegistrations: registrations.refusedWrites,
      cancelledTransactionsInRegistrations: registrations.cancelledTransactions,
      campaignRecipients: recipients,
      wcuPerCampaignRecipient: Number(perRecipient.toFixed(2)),
      minimumWcuPerCampaignRecipient: MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT,
      campaignRatioToMinimum: Number((perRecipient / MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT).toFixed(2)),
      perCampaignRecipientByWrite: perItem(campaign.byWrite, Math.max(1, recipients)),
      perCampaignRecipientByTarget: perItem(campaign.byTarget, Math.max(1, recipients)),
    };
  } finally {
    await stack.stop();
    await dynamo.stop();
  }
};
