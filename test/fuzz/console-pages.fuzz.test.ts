import { afterAll, beforeAll, it } from '@jest/globals';
import fc from 'fast-check';
import type { LocalRoute } from '../../infra/local/http-routes';
import type { LocalStack } from '../../infra/local/stack';
import { consoleSessionCookie } from '../support/console';
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
  onlyTarget,
  paths,
  queries,
  requestsFor,
  routeOfForm,
  runsFor,
  wiredRoutes,
  type Body,
  type Target,
} from './fuzz-kit';

/**
 * Bad inputs for every page of the console (the wiring's `pages` routes), signed in as their own group, as
 * the other group, another team, nobody, or with a forged cookie; its forms' fields as the pages render them,
 * broken, with the session's CSRF value or without it.
 */

let stack: LocalStack;
let targets: Target[];
const routes = wiredRoutes('pages');
const started = Date.now();

beforeAll(async () => {
  stack = await startTestStack();
  const fixtures = await fuzzFixtures(stack, apiClient(stack.url));
  const organisers = await consoleSessionCookie(stack.url, 'organisers');
  const comms = await consoleSessionCookie(stack.url, 'comms');
  const otherTeam = await consoleSessionCookie(stack.url, 'organisers', 'south-east');
  const own = (route: LocalRoute) => (route.auth === 'comms' ? comms : organisers);
  const [name = 'convene_session', value = ''] = organisers.split('=');
  const strange = fc.oneof(
    fc.constantFrom(`${name}=${value.slice(0, -4)}AAAA`, `${name}=`, `${name}=${value}; ${name}=x`),
    headerValue(badString).map((v) => `${name}=${v}`),
  );
  const cookies = (route: LocalRoute): fc.Arbitrary<string | undefined> =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(own(route)) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, route.auth === 'comms' ? organisers : comms) },
      { weight: 1, arbitrary: fc.constant(otherTeam) },
      { weight: 1, arbitrary: strange },
    );
  const forms = await crawl(stack, routes, fixtures, (route) => ({ cookie: own(route) }));
  const query = queries(fixtures.queries, fixtures.hints);
  const all = routes.map((route) => {
    const posting = forms.filter((form) => routeOfForm(form, routes) === route);
    return {
      key: route.routeKey,
      route,
      requests: requestsFor(route, {
        path: paths(route, fixtures.known, query),
        body: route.method === 'GET' ? fc.constant<Body>({}) : formBodies(fieldsOf(posting), fixtures.hints),
        caller: { header: 'cookie', values: cookies(route) },
        accept: fc.constant('text/html'),
      }),
    };
  });
  targets = inFuzzOrder(all).filter((target) => !onlyTarget || target.key.includes(onlyTarget));
  process.stdout.write(
    `fuzz: ${targets.length} console pages (${forms.length} forms read), ${runsFor(targets.length)} inputs each, ` +
      `FUZZ_SEED=${fuzzSeed}; set up in ${Date.now() - started} ms\n`,
  );
}, 120_000);
afterAll(async () => stack?.stop());

it('answers every bad input to the console without a 5xx, and a refusal writes nothing', async () => {
  await fuzzAndCheck(stack, targets, routes, started);
}, 600_000);
