import { signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import { startLocalStack } from '../../infra/local/stack';

const REGISTRATIONS = 200;
const WORKSHOPS = ['ws-curriculum', 'ws-send', 'ws-retention', 'ws-peer-review'];

/**
 * The writes a registration with one workshop cannot do without, in write capacity units (items under
 * 1 KB): the registration, its email claim and the event and workshop seat counters in one transaction
 * (4 items, doubled as transactions are: 8), the registration's copy in the event's listing index (1),
 * and the confirmation mail's ledger entry, written before the send and settled after (2): 11.
 */
export const MINIMUM_WCU_PER_REGISTRATION = 11;

/**
 * The writes a campaign recipient cannot do without: its ledger entry written when the campaign starts
 * and settled when SES took the mail (items under 1 KB): 2. The audience list and the campaign's own item
 * are written once per campaign or per thousand recipients, a fraction of a unit each.
 */
export const MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT = 2;

const WRITE = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item|Items)?Command$/;

interface Consumed {
  CapacityUnits?: number;
}

/**
 * 200 registrations (one workshop each, all confirmed) through the whole local stack, each with its
 * confirmation mail sent, while every write the functions make asks DynamoDB Local for the capacity it
 * consumed: write capacity units per registration, against the minimum above. Conditional writes that
 * fail are not reported by DynamoDB (they cost 1 WCU each on AWS), so contention adds to this figure.
 */
export const registrationCost = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.SEND_RATE_PER_SECOND = '1000';
  const stack = await startLocalStack({ port: 0, mailPort: 0, registrationLimitPerMinute: 0 });
  try {
    // The functions run in this process and share this client, so one middleware sees all their writes.
    const { documentClient } = await import('../../shared/adapters/dynamo/client');
    let units = 0;
    let byOperation: Record<string, number> = {};
    let counting = false;
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        const isWrite = WRITE.test(context.commandName ?? '');
        if (isWrite) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
        if (isWrite && counting && consumed) {
          const operation = (context.commandName ?? '').replace(/Command$/, '');
          for (const c of Array.isArray(consumed) ? consumed : [consumed]) {
            units += c.CapacityUnits ?? 0;
            byOperation[operation] = (byOperation[operation] ?? 0) + (c.CapacityUnits ?? 0);
          }
        }
        return result;
      },
      { step: 'initialize', name: 'benchConsumedCapacity' },
    );

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

    counting = true;
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
    counting = false;

    const mails = (await stack.ses.mail()).length;
    const perRegistration = units / REGISTRATIONS;
    const registrationByOperation = byOperation;
    const registrationUnits = units;

    // Then one campaign to all of them: the writes from its creation until its last mail is settled.
    units = 0;
    byOperation = {};
    counting = true;
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
    counting = false;
    const recipients = (await stack.ses.mail()).filter((m) => m.subject === 'Cost news').length;
    const perRecipient = units / Math.max(1, recipients);
    const itemised = (by: Record<string, number>, count: number) =>
      Object.fromEntries(
        Object.entries(by).map(([operation, wcu]) => [operation, Number((wcu / count).toFixed(2))]),
      );
    return {
      registrations: REGISTRATIONS,
      mails,
      writeCapacityUnits: registrationUnits,
      wcuPerRegistration: Number(perRegistration.toFixed(2)),
      minimumWcuPerRegistration: MINIMUM_WCU_PER_REGISTRATION,
      ratioToMinimum: Number((perRegistration / MINIMUM_WCU_PER_REGISTRATION).toFixed(2)),
      perRegistrationByOperation: itemised(registrationByOperation, REGISTRATIONS),
      campaignRecipients: recipients,
      wcuPerCampaignRecipient: Number(perRecipient.toFixed(2)),
      minimumWcuPerCampaignRecipient: MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT,
      campaignRatioToMinimum: Number((perRecipient / MINIMUM_WCU_PER_CAMPAIGN_RECIPIENT).toFixed(2)),
      perCampaignRecipientByOperation: itemised(byOperation, Math.max(1, recipients)),
    };
  } finally {
    await stack.stop();
  }
};
