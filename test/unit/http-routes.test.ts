import { describe, expect, it } from '@jest/globals';
import { matchRoute, routesOf, unmatchedRouteOf } from '../../infra/local/http-routes';
import type { Wiring } from '../../infra/wiring/types';

const wiring: Wiring = {
  functions: {
    // Declared variable first: the local API must still choose as API Gateway does.
    campaigns: {
      entry: 'campaigns',
      description: 'pages',
      trigger: {
        kind: 'pages',
        routes: [
          { method: 'GET', path: '/console/events/{eventId}/campaigns/{campaignId}', auth: 'organisers' },
          { method: 'GET', path: '/console/events/{eventId}/campaigns/count', auth: 'organisers' },
        ],
      },
      access: {},
    },
  },
  queues: {
    send: { visibilityTimeoutSeconds: 30, maxReceiveCount: 3 },
    places: { visibilityTimeoutSeconds: 30, maxReceiveCount: 3, fifo: true },
  },
  busRetryAttempts: 1,
  busMaximumEventAgeSeconds: 60,
};

describe('the local API matching a path to a route', () => {
  it('prefers a literal segment to a variable, as API Gateway does, whatever the order declared', () => {
    const routes = routesOf(wiring);
    const count = matchRoute(routes, 'GET', '/console/events/evt_1/campaigns/count');
    const one = matchRoute(routes, 'GET', '/console/events/evt_1/campaigns/cmp_1');
    expect(count && 'route' in count ? count.route.path : undefined).toBe(
      '/console/events/{eventId}/campaigns/count',
    );
    expect(one && 'route' in one ? one.pathParameters : undefined).toEqual({
      eventId: 'evt_1',
      campaignId: 'cmp_1',
    });
  });
});

describe('what no route matches', () => {
  const answers = (name: string) => ({
    entry: name,
    description: 'not found',
    trigger: { kind: 'unmatched' as const, auth: 'public' as const },
    access: {},
  });

  it("goes to the wiring's one function for it, as API Gateway's $default route", () => {
    expect(unmatchedRouteOf({ ...wiring, functions: { notFound: answers('not-found') } })).toMatchObject({
      functionName: 'notFound',
      routeKey: '$default',
      auth: 'public',
    });
    expect(unmatchedRouteOf(wiring)).toBeUndefined();
  });

  it('refuses a wiring with two, which API Gateway would refuse at deploy', () => {
    expect(() =>
      unmatchedRouteOf({ ...wiring, functions: { one: answers('one'), two: answers('two') } }),
    ).toThrow('not one and two');
  });
});
