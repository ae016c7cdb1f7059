import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

/** Every item of the stack's table, as JSON text. */
const tableText = async (): Promise<string> => {
  const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items).toLowerCase();
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('erasure reaches every copy Convene keeps', () => {
  it('leaves no address in the bus archive or the table, and the suppression outlives it keyed', async () => {
    // Arrange: a delegate whose address bounces, so SES reports it and it is suppressed.
    const address = 'bounce+gdpr-erasure@simulator.amazonses.com';
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const registered = await api.call<{ registrationId: string }>(
      'POST',
      `/events/${eventId}/registrations`,
      {
        body: { name: 'Erin Erased', email: address },
      },
    );
    expect(registered.status).toBe(202);
    await stack.settle();
    const { suppressionRepository } = await import('../../shared/adapters/dynamo/suppression-repository');
    expect(await suppressionRepository.blocked(address, 'transactional')).toBe('suppressed');
    expect(
      stack.bus.archive.some((e) => e.source === 'aws.ses' && e['detail-type'] === 'Email Bounced'),
    ).toBe(true);

    // The claim on the address is keyed by its keyed digest (the plus tag stripped), never a plain hash.
    const { addressDigest } = await import('../../shared/adapters/address-digest');
    const before = await tableText();
    expect(before).not.toContain(sha256(address));
    expect(before).not.toContain(sha256('bounce@simulator.amazonses.com'));
    expect(before).toContain(`#email#${await addressDigest('bounce@simulator.amazonses.com')}`);

    // Act
    const erased = await api.call(
      'DELETE',
      `/events/${eventId}/registrations/${registered.body.registrationId}`,
      { as: 'organisers' },
    );
    expect(erased.status).toBe(204);
    await stack.settle();

    // Assert: no copy holds the address or its plain SHA-256; the suppression still holds, by a keyed digest.
    const archive = JSON.stringify(stack.bus.archive).toLowerCase();
    expect(archive).not.toContain(address);
    expect(archive).not.toContain(sha256(address));
    const table = await tableText();
    expect(table).not.toContain(address);
    expect(table).not.toContain(sha256(address));
    expect(table).not.toContain('erin erased');
    expect(table).toContain(`suppressed#${await addressDigest(address)}`);
    expect(await suppressionRepository.blocked(address.toUpperCase(), 'transactional')).toBe('suppressed');
  }, 180_000);
});
