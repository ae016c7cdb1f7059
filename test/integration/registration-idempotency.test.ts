import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SQSEvent } from 'aws-lambda';
import type { BusEnvelope } from '../../infra/local/emulators/eventbridge';
import type { LocalStack } from '../../infra/local/stack';
import { CancellationRequested } from '../../events';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const envelopeOf = (detailType: string, registrationId: string): BusEnvelope => {
  const found = stack.bus.archive.find(
    (e) =>
      e['detail-type'] === detailType &&
      (e.detail as { registrationId?: string }).registrationId === registrationId,
  );
  if (!found) throw new Error(`No ${detailType} for ${registrationId} on the bus`);
  return found;
};

/** What the places queue carries: a bus entry, in a one-message batch of its FIFO queue. */
const placesMessage = (source: string, detailType: string, detail: unknown): SQSEvent =>
  ({
    Records: [
      {
        messageId: `m-${detailType}`,
        body: JSON.stringify({ Source: source, DetailType: detailType, Detail: JSON.stringify(detail) }),
      },
    ],
  }) as unknown as SQSEvent;

const asPlacesMessage = (envelope: BusEnvelope): SQSEvent =>
  placesMessage(envelope.source, envelope['detail-type'], envelope.detail);

/** Delivers the same event again: twice one after the other, then twice at once. */
const redeliver = async (functionName: string, event: unknown) => {
  await stack.runtime.invoke(functionName, event);
  await stack.runtime.invoke(functionName, event);
  await Promise.all([stack.runtime.invoke(functionName, event), stack.runtime.invoke(functionName, event)]);
  await stack.settle();
};

const snapshot = async (eventId: string, emails: string[]) => ({
  registrations: (
    await api.call<{ registrations: { status: string; sessions: unknown }[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    )
  ).body.registrations.map((r) => [r.status, r.sessions]),
  event: (
    await api.call<{ placesLeft: number; sessions: { placesLeft: number | null }[] }>(
      'GET',
      `/events/${eventId}`,
    )
  ).body,
  mails: await Promise.all(emails.map(async (e) => (await stack.ses.mail(e)).length)),
});

describe('every handler with a side effect, fed the same event again, has one effect', () => {
  let eventId: string;
  const emails = ['one', 'two', 'three'].map((n) => `${n}-${Date.now()}@idempotent.example.org`);
  const ids: string[] = [];

  beforeAll(async () => {
    eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: 2, workshopCapacity: 1 }),
    );
    for (const email of emails) {
      ids.push(
        (
          await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
            body: { name: 'D', email, sessions: ['ws-a'] },
          })
        ).body.registrationId,
      );
      await stack.settle();
    }
  });

  it('allocating places', async () => {
    const before = await snapshot(eventId, emails);
    await redeliver('decidePlaces', asPlacesMessage(envelopeOf('Registration Requested', ids[0]!)));
    await redeliver('decidePlaces', asPlacesMessage(envelopeOf('Registration Requested', ids[2]!)));
    expect(await snapshot(eventId, emails)).toEqual(before);
    expect(before.mails).toEqual([1, 1, 1]);
  });

  it('queueing and sending a mail', async () => {
    const before = await snapshot(eventId, emails);
    await redeliver('queueRegistrationMail', envelopeOf('Registration Confirmed', ids[0]!));
    const body = JSON.stringify({ messageKey: `registration:${ids[0]}:confirmed:v2`, recipientKey: ids[0] });
    const sqsEvent = {
      Records: [
        { messageId: 'm1', body },
        { messageId: 'm2', body },
      ],
    } as unknown as SQSEvent;
    await redeliver('sendMail', sqsEvent);
    expect(await snapshot(eventId, emails)).toEqual(before);
  });

  it('cancelling, and filling the freed places', async () => {
    const { token } = manageLinkIn((await stack.ses.mail(emails[0]!))[0]?.body.text ?? '');
    await api.call('POST', `/registrations/${ids[0]}/cancel`, { body: { token } });
    await stack.settle();
    const after = await snapshot(eventId, emails);
    expect(after.registrations.map(([status]) => status)).toEqual(['cancelled', 'confirmed', 'confirmed']);
    // One's cancellation; two's workshop place; three's event place.
    expect(after.mails).toEqual([2, 2, 2]);

    await redeliver(
      'decidePlaces',
      placesMessage(CancellationRequested.source, CancellationRequested.detailType, {
        registrationId: ids[0],
        eventId,
      }),
    );
    await redeliver('queueRegistrationMail', envelopeOf('Place Promoted', ids[2]!));
    await redeliver('queueRegistrationMail', envelopeOf('Place Promoted', ids[1]!));
    expect(await snapshot(eventId, emails)).toEqual(after);
  });
});
