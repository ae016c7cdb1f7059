import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

/**
 * Teams through the local API: north-west's organisers and comms team against south-east's. Each side's
 * tokens are signed by the local user pool with its `team:<id>` group, as Cognito issues them.
 */
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};

type Who = 'nwOrganiser' | 'nwComms' | 'seOrganiser' | 'seComms' | 'both' | 'noTeam';

const call = <T = Record<string, unknown>>(method: string, path: string, who?: Who, body?: unknown) =>
  api.call<T>(method, path, {
    ...(body === undefined ? {} : { body }),
    headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
  });

let nwEvent: string;
let seEvent: string;
let registrationId: string;
let campaignId: string;
let postId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  tokens.nwOrganiser = await signLocalToken(['organisers'], { teams: ['north-west'] });
  tokens.nwComms = await signLocalToken(['comms'], { teams: ['north-west'] });
  tokens.seOrganiser = await signLocalToken(['organisers'], { teams: ['south-east'] });
  tokens.seComms = await signLocalToken(['comms'], { teams: ['south-east'] });
  tokens.both = await signLocalToken(['organisers'], { teams: ['north-west', 'south-east'] });
  tokens.noTeam = await signLocalToken(['organisers'], { teams: [] });

  const created = async (who: Who, title: string) => {
    const answer = await call<{ eventId: string }>('POST', '/events', who, {
      ...smallConference(stack.clock.now(), { title }),
    });
    expect(answer.status).toBe(201);
    expect((await call('POST', `/events/${answer.body.eventId}/publish`, who)).status).toBe(200);
    return answer.body.eventId;
  };
  nwEvent = await created('nwOrganiser', 'North West day');
  seEvent = await created('seOrganiser', 'South East day');
  await stack.settle();

  const registered = await call<{ registrationId: string }>(
    'POST',
    `/events/${nwEvent}/registrations`,
    undefined,
    {
      name: 'Ada Delegate',
      email: 'ada.teams@school.example.org',
    },
  );
  expect(registered.status).toBe(202);
  registrationId = registered.body.registrationId;
  await stack.settle();
  const campaign = await call<{ campaignId: string }>('POST', `/events/${nwEvent}/campaigns`, 'nwOrganiser', {
    subject: 'Parking',
    text: 'Dear {{name}}, park at the back.',
    audience: { status: ['confirmed'] },
    sendAt: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
  });
  expect(campaign.status).toBe(202);
  campaignId = campaign.body.campaignId;
  const post = await call<{ postId: string }>('POST', `/events/${nwEvent}/social-posts`, 'nwComms', {
    text: 'Doors open at 9',
    publishAt: new Date(stack.clock.now().getTime() + 3 * 86_400_000).toISOString(),
  });
  expect(post.status).toBe(201);
  postId = post.body.postId;
  await stack.settle();
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('an event belongs to a team', () => {
  it('lists only the caller’s team’s events, and both teams’ to a member of both', async () => {
    const titles = async (who: Who) =>
      (await call<{ events: { eventId: string }[] }>('GET', '/events', who)).body.events.map(
        (e) => e.eventId,
      );
    expect(await titles('nwOrganiser')).toEqual([nwEvent]);
    expect(await titles('seOrganiser')).toEqual([seEvent]);
    expect((await titles('both')).sort()).toEqual([nwEvent, seEvent].sort());
    expect(await titles('noTeam')).toEqual([]);
  });

  it('is created for the caller’s only team; a member of several names it (400 otherwise); no team is 403', async () => {
    const body = smallConference(stack.clock.now(), { title: 'Shared day' });
    const unnamed = await call('POST', '/events', 'both', body);
    expect(unnamed).toMatchObject({ status: 400, body: { error: { details: [{ path: 'teamId' }] } } });
    const notTheirs = await call('POST', '/events', 'seOrganiser', { ...body, teamId: 'north-west' });
    expect(notTheirs.status).toBe(400);
    expect((await call('POST', '/events', 'noTeam', body)).status).toBe(403);

    const named = await call<{ eventId: string }>('POST', '/events', 'both', {
      ...body,
      teamId: 'south-east',
    });
    expect(named.status).toBe(201);
    expect((await call('GET', `/events/${named.body.eventId}`, 'seOrganiser')).status).toBe(200);
    expect((await call('GET', `/events/${named.body.eventId}`, 'nwOrganiser')).status).toBe(404);
  });
});

describe('another team’s event and everything under it', () => {
  const organiserRoutes = (): [string, string, unknown?][] => [
    ['GET', `/events/${nwEvent}`],
    ['PATCH', `/events/${nwEvent}`, { title: 'Taken over' }],
    ['POST', `/events/${nwEvent}/cancel`, {}],
    ['GET', `/events/${nwEvent}/registrations`],
    ['GET', `/events/${nwEvent}/registrations/${registrationId}/mails`],
    ['DELETE', `/events/${nwEvent}/registrations/${registrationId}`],
    ['POST', `/events/${nwEvent}/registrations/${registrationId}/cancel`, {}],
    ['POST', `/events/${nwEvent}/check-ins`, { registrationId }],
    [
      'POST',
      `/events/${nwEvent}/registrations`,
      { name: 'Walk In', email: 'walk.in@school.example.org', checkIn: true },
    ],
    ['GET', `/events/${nwEvent}/mail-problems`],
    ['GET', `/events/${nwEvent}/campaigns`],
    [
      'POST',
      `/events/${nwEvent}/campaigns/preview`,
      { subject: 'x', text: 'y', audience: { status: ['confirmed'] } },
    ],
    ['GET', `/campaigns/${campaignId}`],
    ['POST', `/campaigns/${campaignId}/cancel`, {}],
    ['GET', `/events/${nwEvent}/survey-results`],
    ['GET', `/events/${nwEvent}/plan`],
  ];
  const commsRoutes = (): [string, string, unknown?][] => [
    ['GET', `/events/${nwEvent}/plan`],
    ['POST', `/events/${nwEvent}/plan-key`, {}],
    ['GET', `/events/${nwEvent}/social-posts`],
    ['POST', `/events/${nwEvent}/social-posts`, { text: 'Hijack', publishAt: '2099-01-01T09:00:00Z' }],
    ['PATCH', `/social-posts/${postId}`, { text: 'Hijacked' }],
    ['POST', `/social-posts/${postId}/retry`, {}],
    ['DELETE', `/social-posts/${postId}`],
  ];

  it('is 404 to another team’s organiser on every route, and changes nothing', async () => {
    for (const [method, path, body] of organiserRoutes()) {
      const answer = await call(method, path, 'seOrganiser', body);
      expect({
        method,
        path,
        status: answer.status,
        code: (answer.body as { error?: { code: string } }).error?.code,
      }).toEqual({ method, path, status: 404, code: 'not_found' });
    }
    expect((await call<{ title: string }>('GET', `/events/${nwEvent}`, 'nwOrganiser')).body.title).toBe(
      'North West day',
    );
    const kept = await call<{ registrations: { registrationId: string; status: string }[] }>(
      'GET',
      `/events/${nwEvent}/registrations`,
      'nwOrganiser',
    );
    expect(kept.body.registrations).toEqual([
      expect.objectContaining({ registrationId, status: 'confirmed' }),
    ]);
    const campaign = await call<{ status: string }>('GET', `/campaigns/${campaignId}`, 'nwOrganiser');
    expect(campaign.body.status).not.toBe('cancelled');
  });

  it('is 404 to another team’s comms team on every route, and the post stays as it was', async () => {
    for (const [method, path, body] of commsRoutes()) {
      const answer = await call(method, path, 'seComms', body);
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
    }
    const posts = await call<{ posts: { postId: string; text?: string; status: string }[] }>(
      'GET',
      `/events/${nwEvent}/social-posts`,
      'nwComms',
    );
    expect(posts.body.posts).toEqual([expect.objectContaining({ postId, status: 'scheduled' })]);
  });

  it('answers the owning team as before', async () => {
    for (const [method, path] of organiserRoutes().filter(([m]) => m === 'GET')) {
      const answer = await call(method, path, 'nwOrganiser');
      expect({
        path,
        ok: answer.status === 200 || (answer.status === 404 && path.endsWith('survey-results')),
      }).toEqual({
        path,
        ok: true,
      });
    }
    expect((await call('GET', `/events/${nwEvent}/social-posts`, 'nwComms')).status).toBe(200);
  });

  it('leaves the public routes and the signed plan feed as they were', async () => {
    expect((await call('GET', `/events/${nwEvent}`)).status).toBe(200);
    const key = await call<{ feedUrl: string }>('POST', `/events/${nwEvent}/plan-key`, 'nwComms', {});
    expect(key.status).toBe(201);
    const feed = await fetch(key.body.feedUrl);
    expect(feed.status).toBe(200);
  });

  it('is 404 in the console too: another team’s event page is not there', async () => {
    const page = (token: string) =>
      fetch(`${stack.url}/console/events/${nwEvent}`, {
        headers: { cookie: `__Host-convene-session=${token}`, accept: 'text/html' },
        redirect: 'manual',
      });
    expect((await page(tokens.seOrganiser!)).status).toBe(404);
    expect((await page(tokens.nwOrganiser!)).status).toBe(200);
    const home = await fetch(`${stack.url}/console`, {
      headers: { cookie: `__Host-convene-session=${tokens.seOrganiser}` },
    });
    const html = await home.text();
    expect(html).toContain('South East day');
    expect(html).not.toContain('North West day');
  });
});

describe('tokens', () => {
  it('refuses a token without exp, locally as on AWS: API and console', async () => {
    const forever = await signLocalToken(['organisers'], { expiresIn: 'never' });
    expect(JSON.parse(Buffer.from(forever.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('exp');
    const answer = await api.call('GET', '/events', { headers: { authorization: `Bearer ${forever}` } });
    expect(answer.status).toBe(401);
    const page = await fetch(`${stack.url}/console`, {
      headers: { cookie: `__Host-convene-session=${forever}` },
      redirect: 'manual',
    });
    expect([page.status, page.headers.get('location')]).toEqual([
      303,
      expect.stringContaining('/console/sign-in'),
    ]);
  });
});
