import { afterAll, beforeAll, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { LocalRoute } from '../../infra/local/http-routes';
import { signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import {
  badString,
  crawl,
  fieldsOf,
  formBodies,
  fuzzAndCheck,
  fuzzFixtures,
  fuzzSeed,
  headerValue,
  inFuzzOrder,
  jsonBodies,
  onlyTarget,
  paths,
  queries,
  requestsFor,
  routeOfForm,
  runsFor,
  wiredRoutes,
  type Body,
  type Fixtures,
  type Target,
} from './fuzz-kit';

/**
 * Bad inputs for every route of the JSON API (the wiring's `http` triggers), public and signed in, and for
 * every form the public pages post (registration, resend, manage, survey, unsubscribe), form-encoded.
 */

let stack: LocalStack;
let fixtures: Fixtures;
let targets: Target[];
const routes = wiredRoutes('http');
const started = Date.now();

/** Who calls: mostly the route's own audience, else nobody, the other group, another team, or a forgery. */
const callers = async (): Promise<(route: LocalRoute) => fc.Arbitrary<string | undefined>> => {
  const organisers = await signLocalToken(['organisers']);
  const comms = await signLocalToken(['comms']);
  const otherTeam = await signLocalToken(['organisers'], { teams: ['south-east'] });
  const [head = '', payload = ''] = organisers.split('.');
  const forged = [
    `${organisers.slice(0, -4)}AAAA`,
    `${head}.${payload}.`,
    `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
    await signLocalToken(['organisers'], { expiresIn: 'never' }),
    await signLocalToken(['[organisers]']),
    await signLocalToken([]),
  ];
  const bearer = (token: string) => `Bearer ${token}`;
  const strange = fc.oneof(
    fc.constantFrom(...forged).map(bearer),
    headerValue(badString).map(bearer),
    fc.constantFrom('Basic b3JnYW5pc2Vyczp4', 'Bearer', 'bearer  ', `Bearer ${organisers} ${organisers}`),
  );
  return (route) => {
    const own = route.auth === 'comms' ? comms : organisers;
    return route.auth === 'public'
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(organisers, comms, otherTeam).map(bearer) },
          { weight: 1, arbitrary: strange },
        )
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant(bearer(own)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(undefined, bearer(route.auth === 'comms' ? organisers : comms)),
          },
          { weight: 1, arbitrary: fc.constant(bearer(otherTeam)) },
          { weight: 1, arbitrary: strange },
        );
  };
};

const accepts = fc.constantFrom(
  undefined,
  'application/json',
  'text/html',
  'text/csv',
  '*/*',
  'text/calendar',
);

beforeAll(async () => {
  stack = await startTestStack();
  const api = apiClient(stack.url);
  fixtures = await fuzzFixtures(stack, api);
  const caller = await callers();
  const forms = await crawl(
    stack,
    routes.filter((r) => r.auth === 'public'),
    fixtures,
    () => ({}),
  );
  const query = queries(fixtures.queries, fixtures.hints);
  const apiTargets = routes.map((route) => ({
    key: route.routeKey,
    route,
    requests: requestsFor(route, {
      path: paths(route, fixtures.known, query),
      body: route.method === 'GET' ? fc.constant<Body>({}) : jsonBodies(route, fixtures.hints),
      caller: { header: 'authorization', values: caller(route) },
      accept: accepts,
    }),
  }));
  const formTargets = routes.flatMap((route) => {
    const posting = forms.filter((form) => routeOfForm(form, routes) === route);
    if (posting.length === 0) return [];
    const actions = [...new Set(posting.map((form) => new URL(form.action, 'http://page').search))];
    return [
      {
        key: `${route.routeKey} (form)`,
        route,
        requests: requestsFor(route, {
          path: paths(route, fixtures.known, fc.oneof(fc.constantFrom(...actions), query)),
          body: formBodies(fieldsOf(posting), fixtures.hints),
          caller: { header: 'authorization', values: caller(route) },
          accept: fc.constantFrom('text/html', 'text/html', undefined),
        }),
      },
    ];
  });
  targets = inFuzzOrder([...apiTargets, ...formTargets]).filter(
    (target) => !onlyTarget || target.key.includes(onlyTarget),
  );
  process.stdout.write(
    `fuzz: ${targets.length} API routes and forms (${formTargets.length} forms), ${runsFor(targets.length)} inputs each, FUZZ_SEED=${fuzzSeed}; set up in ${Date.now() - started} ms\n`,
  );
}, 120_000);
afterAll(async () => stack?.stop());

it('answers every bad input to the API and the public forms without a 5xx, and a refusal writes nothing', async () => {
  await fuzzAndCheck(stack, targets, routes, started);
  if (!onlyTarget) {
    // The public pages' forms were found, and each had its inputs.
    const forms = targets.filter((t) => t.key.endsWith('(form)'));
    expect(forms.map((t) => t.route.path)).toEqual(
      expect.arrayContaining([
        '/events/{eventId}/registrations',
        '/registrations/{registrationId}/cancel',
        '/registrations/{registrationId}/sessions',
        '/unsubscribe',
      ]),
    );
  }
}, 600_000);
