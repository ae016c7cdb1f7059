import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

/**
 * The local stack enforces the policies the CDK app synthesizes: take one grant away from one function and
 * its call fails as AWS would fail it, with AccessDenied through the real SDK client. Each case takes the
 * grant away for the length of the test only.
 */
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
});
afterEach(() => stack.iam.restore());
afterAll(async () => stack?.stop());

const register = (email: string) =>
  api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Ada Lovelace', email },
  });

const deniedSince = (before: number) => stack.iam.denials.slice(before);

const eventually = async (check: () => Promise<boolean>, seconds = 30): Promise<void> => {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('IAM enforced on the local stack', () => {
  it('lets every call through that the synthesized policies allow (a registration and its mail)', async () => {
    const before = stack.iam.denials.length;
    const email = uniqueEmail('allowed');
    expect((await register(email)).status).toBe(202);
    await stack.settle();
    expect(await stack.ses.mail(email)).toHaveLength(1);
    expect(deniedSince(before)).toEqual([]);
  });

  it("refuses a registration's write when registerDelegate loses dynamodb:PutItem, and stores nothing", async () => {
    stack.iam.withdraw('registerDelegate', 'dynamodb:PutItem');
    const before = stack.iam.denials.length;
    const email = uniqueEmail('no-put');

    const answer = await register(email);
    await stack.settle();

    expect(answer.status).toBe(500);
    expect(deniedSince(before)).toEqual([
      expect.objectContaining({
        functionName: 'registerDelegate',
        action: 'dynamodb:PutItem',
        resource: expect.stringMatching(
          /^arn:aws:dynamodb:eu-west-2:000000000000:table\/convene-test-/,
        ) as unknown,
        message: expect.stringMatching(/is not authorized to perform: dynamodb:PutItem/) as unknown,
      }),
    ]);
    expect(await stack.ses.mail(email)).toEqual([]);
  });

  it('holds mail, never sends it, while the sender lacks ses:SendRawEmail; sends it once when the grant is back', async () => {
    stack.iam.withdraw('sendMail', 'ses:SendRawEmail');
    const before = stack.iam.denials.length;
    const email = uniqueEmail('no-raw');

    expect((await register(email)).status).toBe(202);
    await eventually(async () => deniedSince(before).some((d) => d.functionName === 'sendMail'));

    expect(deniedSince(before)[0]).toMatchObject({
      functionName: 'sendMail',
      action: 'ses:SendRawEmail',
      resource: 'arn:aws:ses:eu-west-2:000000000000:identity/convene.local',
    });
    expect(await stack.ses.mail(email)).toEqual([]);

    // The grant comes back: the held message's next receive sends it, once.
    stack.iam.restore();
    await eventually(async () => (await stack.ses.mail(email)).length > 0);
    await stack.settle();
    expect(await stack.ses.mail(email)).toHaveLength(1);
  });

  it("refuses to schedule a post when createSocialPost may not pass the scheduler's role (iam:PassRole)", async () => {
    stack.iam.withdraw('createSocialPost', 'iam:PassRole');
    const before = stack.iam.denials.length;
    const publishAt = new Date(stack.clock.now().getTime() + 3 * 3_600_000).toISOString();

    const answer = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Doors open at 9', publishAt },
    });

    expect(answer.status).toBe(500);
    expect(deniedSince(before)).toEqual([
      expect.objectContaining({
        functionName: 'createSocialPost',
        action: 'iam:PassRole',
        context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
      }),
    ]);
  });

  it("fails a post when the poster may not read the X credentials' secret", async () => {
    stack.iam.withdraw('publishSocialPost', 'secretsmanager:GetSecretValue');
    const before = stack.iam.denials.length;
    const publishAt = new Date(stack.clock.now().getTime() + 5 * 3_600_000);
    const created = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
      as: 'comms',
      body: { text: 'Keynote at 9:30', publishAt: publishAt.toISOString() },
    });
    expect(created.status).toBe(201);

    await stack.advanceClock(publishAt);

    expect(deniedSince(before)).toContainEqual(
      expect.objectContaining({
        functionName: 'publishSocialPost',
        action: 'secretsmanager:GetSecretValue',
        resource: expect.stringMatching(/:secret:convene\/local\/x-credentials-\w{6}$/) as unknown,
      }),
    );
    expect((await stack.x.posts()).map((p) => p.text)).not.toContain('Keynote at 9:30');
  });
});
