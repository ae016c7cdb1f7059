import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { expect } from '@jest/globals';
import fc from 'fast-check';
import * as z from '../../shared/zod';
import { matchRoute, routesOf, type LocalRoute } from '../../infra/local/http-routes';
import type { LocalStack } from '../../infra/local/stack';
import { wiring } from '../../infra/wiring';
import type { FunctionSpec } from '../../infra/wiring/types';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import { routeDocs } from '../../shared/api/routes';
import { signToken } from '../../shared/domain/tokens';
import type { apiClient } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { recordFigures } from '../support/figures';

/**
 * Generated bad inputs (fast-check) for every HTTP route of the wiring, sent through the local stack's
 * HTTP API: no answer may be a 5xx, and no refused request (4xx) may write to the table or send mail.
 * Routes come from the wiring and forms from the pages themselves, so a new route or field is fuzzed
 * without anyone listing it here.
 */

/** Repeats a run's inputs exactly: each route's inputs come from this seed and the route's name. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 1_400_007);
/**
 * Inputs each route gets: FUZZ_RUNS_PER_ROUTE when set (`npm run fuzz`: 1,000), else as many as make 5,000
 * for the file's routes, so the two fuzz files try at least 10,000 in `npm test`.
 */
export const runsFor = (targetCount: number): number =>
  process.env.FUZZ_RUNS_PER_ROUTE
    ? Number(process.env.FUZZ_RUNS_PER_ROUTE)
    : Math.ceil(INPUTS_PER_FILE / Math.max(1, targetCount));
const INPUTS_PER_FILE = 5_000;
/** Only the targets whose name contains this (to repeat one failure); every target when unset. */
export const onlyTarget = process.env.FUZZ_ROUTE;
const inFlight = Number(process.env.FUZZ_IN_FLIGHT ?? 24);

export interface FuzzRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A route (or a page's form posting to it) and the bad inputs generated for it. */
export interface Target {
  readonly key: string;
  readonly route: LocalRoute;
  readonly requests: fc.Arbitrary<FuzzRequest>;
}

const functionOf = (route: LocalRoute): FunctionSpec =>
  (wiring.functions as Readonly<Record<string, FunctionSpec>>)[route.functionName] as FunctionSpec;

export const allRoutes = routesOf(wiring);

/** The wiring's routes of one kind of trigger: the JSON API's (`http`) or the console's pages (`pages`). */
export const wiredRoutes = (kind: 'http' | 'pages'): LocalRoute[] =>
  allRoutes.filter((route) => functionOf(route).trigger.kind === kind);

/**
 * Routes that end something (cancel, erase, remove, sign out, DELETE) go last, so that the routes before
 * them meet a live event, registration and session rather than one a bad input happened to end.
 */
export const endsSomething = (route: LocalRoute): boolean =>
  route.method === 'DELETE' || /\/(cancel|erase|remove|bulk-remove|sign-out|undo)$/.test(route.path);

export const inFuzzOrder = <T extends { route: LocalRoute; key: string }>(targets: readonly T[]): T[] =>
  [...targets].sort(
    (a, b) =>
      Number(endsSomething(a.route)) - Number(endsSomething(b.route)) ||
      Number(a.route.method !== 'GET') - Number(b.route.method !== 'GET') ||
      a.key.localeCompare(b.key),
  );

// ---------------------------------------------------------------------------------------------------------
// Bad values

const printable = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?');

const badDate = fc.oneof(
  fc.constantFrom(
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59',
    '0000-01-01T00:00',
    '2026-02-30T09:00',
    '2026-13-01T09:00',
    '2026-06-01T25:61',
    '1970-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '2026-06-01T09:00+99:00',
    '2026-06-01',
    'T09:00',
    'P1000000Y',
    '-PT1H',
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 16)),
);

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e\u2066evil',
  '\ufeff',
  '\ud800',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  '%ZZ',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  'reg_',
  'evt_',
  '😀'.repeat(60),
  'Claim your prize at http://evil.example/win',
  'victim+1@school.example.org',
  'a@b',
  '\r\nBcc: victim@example.org',
);

export const badString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: oddStrings },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 6_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 1_500 }).map((n) => 'Ää😀'.repeat(n)) },
  { weight: 2, arbitrary: badDate },
);

const badNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, -0, 0.5, -1.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31), 1e-320),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: badString },
  { weight: 2, arbitrary: badNumber },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[[[[]]]]], { $ne: null }, { '': '' }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(badString, { maxLength: 5 }) },
);

/** JSON a parser must refuse, or should be wary of. */
const rawJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '{"a":1,}',
    "{'a':1}",
    'undefined',
    'NaN',
    '\u0000',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1,"a":2}',
    `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    `{"a":${'9'.repeat(400)}}`,
    '"\\ud800"',
  ),
  fc.string({ maxLength: 60 }),
);

// ---------------------------------------------------------------------------------------------------------
// Plausible bodies from a route's request schema (its zod schema, as OpenAPI shows it), then broken

type Schema = Readonly<Record<string, unknown>>;

const schemaFor = (route: LocalRoute): Schema | undefined => {
  const doc = routeDocs.find((d) => d.method === route.method && d.path === route.path);
  return doc?.body
    ? (z.toJSONSchema(doc.body, { io: 'input', unrepresentable: 'any' }) as Schema)
    : undefined;
};

const resolve = (schema: Schema, root: Schema): Schema => {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const found = (root.$defs as Record<string, Schema> | undefined)?.[ref.slice('#/$defs/'.length)];
  return found ? resolve(found, root) : {};
};

const plausible = (
  given: Schema,
  root: Schema,
  hints: fc.Arbitrary<string>,
  depth = 0,
): fc.Arbitrary<unknown> => {
  const schema = resolve(given, root);
  if (depth > 5) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return fc.constantFrom(...(schema.enum as unknown[]));
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices && choices.length > 0)
    return fc.oneof(...choices.map((c) => plausible(c, root, hints, depth + 1)));
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = ((schema.required ?? []) as string[]).filter((key) => key in properties);
      if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object')
        return fc.dictionary(
          hints,
          plausible(schema.additionalProperties as Schema, root, hints, depth + 1),
          { maxKeys: 4 },
        );
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, plausible(value, root, hints, depth + 1)]),
        ),
        { requiredKeys: required },
      );
    }
    case 'array':
      return fc.array(plausible((schema.items ?? {}) as Schema, root, hints, depth + 1), {
        minLength: Math.min(Number(schema.minItems ?? 0), 3),
        maxLength: Math.min(Number(schema.maxItems ?? 3), 3),
      });
    case 'integer':
      return fc.integer({
        min: Math.max(Number(schema.minimum ?? 0), -1_000_000),
        max: Math.min(Number(schema.maximum ?? 500), 1_000_000),
      });
    case 'number':
      return fc.double({ min: 0, max: 500, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return hints;
    default:
      return fc.oneof(hints, fc.integer({ min: 0, max: 100 }), fc.boolean());
  }
};

type Json = unknown;

/** Every place in a value that a mutation can reach: its path from the top. */
const pathsOf = (value: Json, at: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => pathsOf(item, [...at, i]))];
  if (value && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return [at];
};

type Mutation = readonly [pick: number, value: unknown, how: 'replace' | 'remove' | 'add'];

/** Breaks a plausible value in one to three places: a field replaced by a bad value, removed, or added. */
const mutate = (value: Json, mutations: readonly Mutation[]): Json => {
  let result = structuredClone(value);
  for (const [pick, bad, how] of mutations) {
    const paths = pathsOf(result);
    const path = paths[pick % paths.length] ?? [];
    if (path.length === 0) {
      result = how === 'replace' ? bad : result;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key], result);
    const key = path[path.length - 1] as string | number;
    const container = parent as Record<string | number, Json>;
    if (how === 'replace') container[key] = bad;
    else if (how === 'remove' && Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (how === 'remove') delete container[key];
    else if (Array.isArray(parent)) parent.push(bad);
    else container[`extra${pick % 7}`] = bad;
  }
  return result;
};

const mutations = fc.array(
  fc.tuple(
    fc.nat(),
    badValue,
    fc.constantFrom('replace', 'replace', 'remove', 'add') as fc.Arbitrary<Mutation[2]>,
  ),
  { minLength: 1, maxLength: 3 },
);

const wrongType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/jsonx',
);

export interface Body {
  readonly body?: string;
  readonly contentType?: string;
}

/** A JSON body for a route: its schema's shape, broken; or no JSON at all. */
export const jsonBodies = (route: LocalRoute, hints: fc.Arbitrary<string>): fc.Arbitrary<Body> => {
  const schema = schemaFor(route);
  const shaped = schema ? plausible(schema, schema, hints) : fc.jsonValue({ maxDepth: 2 });
  const json = (value: Json, contentType = 'application/json'): Body => ({
    body: JSON.stringify(value) ?? 'null',
    contentType,
  });
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(shaped, mutations).map(([value, m]) => json(mutate(value, m))) },
    { weight: 1, arbitrary: fc.tuple(shaped, wrongType).map(([value, type]) => json(value, type)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => json(value)) },
    { weight: 2, arbitrary: rawJson.map((body) => ({ body, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constant<Body>({}) },
  );
};

// ---------------------------------------------------------------------------------------------------------
// Forms, as the pages render them

export interface FormField {
  readonly name: string;
  /** The values the page offers: a hidden field's, a select's options, a checkbox's or radio's. */
  readonly values: readonly string[];
  readonly hidden: boolean;
}

export interface PageForm {
  /** Where it posts: path and query. */
  readonly action: string;
  readonly fields: readonly FormField[];
}

const attribute = (attributes: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
};

/** The forms of a page that post (GOV.UK Frontend markup: inputs, selects, textareas). */
export const formsIn = (html: string, pagePath: string): PageForm[] =>
  [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].flatMap(([, attributes = '', inner = '']) => {
    if ((attribute(attributes, 'method') ?? 'get').toLowerCase() !== 'post') return [];
    // Resolved against the page, as a browser does (`action="?token=…"` posts to the page's own path).
    const target = new URL(attribute(attributes, 'action') || pagePath, new URL(pagePath, 'http://page'));
    const fields = new Map<string, { values: string[]; hidden: boolean }>();
    const add = (name: string | undefined, value: string | undefined, hidden: boolean) => {
      if (!name) return;
      const field = fields.get(name) ?? { values: [], hidden };
      if (value !== undefined && !field.values.includes(value)) field.values.push(value);
      fields.set(name, field);
    };
    for (const [, tag = '', rest = ''] of inner.matchAll(/<(input|textarea|button)\b([^>]*)>/gi)) {
      const type = (attribute(rest, 'type') ?? (tag.toLowerCase() === 'input' ? 'text' : tag)).toLowerCase();
      add(attribute(rest, 'name'), attribute(rest, 'value'), type === 'hidden');
    }
    for (const [, rest = '', options = ''] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attribute(rest, 'name');
      for (const [, option = ''] of options.matchAll(/<option\b([^>]*)>/gi))
        add(name, attribute(option, 'value'), false);
    }
    return [
      {
        action: `${target.pathname}${target.search}`,
        fields: [...fields].map(([name, field]) => ({ name, ...field })),
      },
    ];
  });

/** Links of a page (to learn the values of path parameters, like an event's parts). */
export const linksIn = (html: string): string[] =>
  [...html.matchAll(/\shref="(\/[^"#]*)"/g)].map(([, href = '']) => href.replace(/&amp;/g, '&'));

/**
 * A form body as a browser would send it from this form, broken: each field the page's value, a bad value
 * or left out, with extra and repeated fields; or not form-encoded at all.
 */
export const formBodies = (
  fields: readonly FormField[],
  hints: fc.Arbitrary<string>,
  secrets: Readonly<Record<string, fc.Arbitrary<string | undefined>>> = {},
): fc.Arbitrary<Body> => {
  const valueOf = (field: FormField): fc.Arbitrary<string | undefined> =>
    secrets[field.name] ??
    fc.oneof(
      { weight: 4, arbitrary: field.values.length > 0 ? fc.constantFrom(...field.values) : hints },
      { weight: 3, arbitrary: badString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  const filled = fc
    .tuple(...fields.map(valueOf))
    .map((values) =>
      fields.flatMap((field, i) =>
        values[i] === undefined ? [] : [[field.name, values[i]] as [string, string]],
      ),
    );
  const broken = fc
    .tuple(
      filled,
      fc.array(fc.tuple(fc.nat(), badString, fc.constantFrom('replace', 'repeat', 'remove', 'add')), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([pairs, changes]) => {
      const result = [...pairs];
      for (const [pick, bad, how] of changes) {
        const at = result.length === 0 ? -1 : pick % result.length;
        const name = result[at]?.[0] ?? fields[pick % Math.max(fields.length, 1)]?.name ?? 'field';
        if (how === 'replace' && at >= 0) result[at] = [name, bad];
        else if (how === 'repeat') result.push([name, bad]);
        else if (how === 'remove' && at >= 0) result.splice(at, 1);
        else result.push([`extra${pick % 5}`, bad]);
      }
      return result;
    });
  const form = 'application/x-www-form-urlencoded';
  return fc.oneof(
    {
      weight: 8,
      arbitrary: broken.map((pairs) => ({ body: new URLSearchParams(pairs).toString(), contentType: form })),
    },
    {
      weight: 1,
      arbitrary: broken.map((pairs) => ({
        body: JSON.stringify(Object.fromEntries(pairs)),
        contentType: form,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(broken, wrongType)
        .map(([pairs, type]) => ({ body: new URLSearchParams(pairs).toString(), contentType: type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('%ZZ=%E0%A4%A&&==&a', '=&=&=', 'a=1&a=2&a[]=3&a[b]=4', '%', '&'.repeat(2_000))
        .map((body) => ({ body, contentType: form })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: form }) },
  );
};

// ---------------------------------------------------------------------------------------------------------
// Paths and queries

/** A lone surrogate (a cut pair, or generated so) as U+FFFD, as a browser's URL encoder writes it. */
const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const badSegment = fc.oneof(
  {
    weight: 4,
    arbitrary: badString.filter((s) => s !== '').map((s) => encodeURIComponent(wellFormed(s.slice(0, 500)))),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%ZZ',
      '%E0%A4%A',
      '%C0%AF',
      '%2F',
      '%252F',
      'reg_00000000000000000000000000',
      'evt_00000000000000000000000000',
      'cmp_x',
      'post_x',
      '0',
      '-1',
      '9'.repeat(300),
      'a'.repeat(1_100),
    ),
  },
);

/** A path parameter: mostly a real value (so the input reaches the handler's checks), else a bad one. */
const segment = (known: readonly string[]): fc.Arbitrary<string> =>
  known.length === 0
    ? badSegment
    : fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known).map(encodeURIComponent) },
        { weight: 2, arbitrary: badSegment },
        { weight: 1, arbitrary: fc.constantFrom(...known).map((v) => encodeURIComponent(`${v}x`)) },
      );

const queryNames = fc.constantFrom(
  'token',
  'key',
  'format',
  'include',
  'next',
  'cursor',
  'limit',
  'status',
  'code',
  'state',
  'error',
  'q',
  'page',
  'sort',
  'from',
  'to',
  'team',
  'done',
);

/** A query string: none, the page's own, bad names and values, or malformed escapes. */
export const queries = (known: readonly string[], hints: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(queryNames, badString), fc.oneof(hints, badString)), {
          minLength: 1,
          maxLength: 3,
        })
        .map((pairs) => `?${new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 3_000)]))}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '?%ZZ=%E0%A4%A',
        '?token=%00',
        '?a=1&a=2&a=3',
        '?=',
        '??',
        '?format=csv&format=json',
      ),
    },
  );

/** The route's path with these parameters, if the local API would still send it to this route. */
export const pathFor = (route: LocalRoute, values: readonly string[], query: string): string | undefined => {
  let i = 0;
  const path = route.path.replace(/\{\w+\}/g, () => values[i++] ?? 'x');
  let pathname: string;
  try {
    pathname = new URL(path, 'http://api').pathname;
  } catch {
    return undefined;
  }
  const match = matchRoute(allRoutes, route.method, pathname);
  return match && 'route' in match && match.route.routeKey === route.routeKey ? `${path}${query}` : undefined;
};

/** The route's path parameters, each real or bad. */
export const paths = (
  route: LocalRoute,
  known: Readonly<Record<string, readonly string[]>>,
  query: fc.Arbitrary<string>,
): fc.Arbitrary<string> =>
  fc
    .tuple(fc.tuple(...route.params.map((name) => segment(known[name] ?? []))), query)
    .map(([values, q]) => pathFor(route, values, q))
    .filter((path): path is string => path !== undefined);

/** A header value fetch will send (a byte string without line breaks). */
export const headerValue = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  arbitrary.map((value) => printable(value).slice(0, 4_000));

// ---------------------------------------------------------------------------------------------------------
// Sending, and what the table and the mail say afterwards

export interface Answer {
  readonly status: number;
  readonly location?: string;
  readonly text: string;
}

export const send = async (baseUrl: string, request: FuzzRequest): Promise<Answer> => {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(45_000),
      ...(request.body === undefined || request.method === 'GET' ? {} : { body: request.body }),
    });
    const text = await response.text();
    return { status: response.status, location: response.headers.get('location') ?? undefined, text };
  } catch (error) {
    // No answer at all (a dropped connection): as bad as a 5xx.
    return { status: 599, text: `no answer: ${(error as Error).message}` };
  }
};

/**
 * A route's requests: its paths and bodies, and who calls, in the one header that says so (`authorization`
 * for the JSON API, `cookie` for the console).
 */
export const requestsFor = (
  route: LocalRoute,
  parts: {
    readonly path: fc.Arbitrary<string>;
    readonly body: fc.Arbitrary<Body>;
    readonly caller: {
      readonly header: 'authorization' | 'cookie';
      readonly values: fc.Arbitrary<string | undefined>;
    };
    readonly accept: fc.Arbitrary<string | undefined>;
  },
): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({ path: parts.path, body: parts.body, caller: parts.caller.values, accept: parts.accept })
    .map(({ path, body, caller, accept }) => ({
      method: route.method,
      path,
      headers: {
        ...(caller ? { [parts.caller.header]: caller } : {}),
        ...(accept ? { accept } : {}),
        ...(body.contentType ? { 'content-type': body.contentType } : {}),
      },
      ...(body.body === undefined ? {} : { body: body.body }),
    }));

/**
 * Sends every target's inputs and checks what both fuzz files promise: no 5xx, no write or mail after a
 * refusal, and (unless one target was asked for) every route of `routes` fuzzed. Records the figures.
 */
export const fuzzAndCheck = async (
  stack: LocalStack,
  targets: readonly Target[],
  routes: readonly LocalRoute[],
  started: number,
): Promise<FuzzReport> => {
  const report = await fuzzTargets(stack, targets);
  recordFigures({
    badInputs: report.badInputs,
    serverErrors: report.serverErrors.length,
    writesAfterRefusal: report.writesAfterRefusal.length + report.mailsAfterRefusal,
    fuzzSeed,
  });
  process.stdout.write(
    `fuzz: ${Object.values(report.badInputs).reduce((a, b) => a + b, 0)} inputs in ${Date.now() - started} ms; ` +
      `answers ${JSON.stringify(report.answers)}\n`,
  );
  expect(report.serverErrors).toEqual([]);
  expect(report.writesAfterRefusal).toEqual([]);
  expect(report.mailsAfterRefusal).toBe(0);
  if (!onlyTarget) {
    const unfuzzed = routes
      .filter((route) => !(report.badInputs[route.routeKey]! > 0))
      .map((r) => r.routeKey);
    expect(unfuzzed).toEqual([]);
  }
  return report;
};

/** A refusal: a 4xx, or the console's redirect to its sign-in (no session). */
export const refused = (answer: Answer): boolean =>
  (answer.status >= 400 && answer.status < 500) ||
  (answer.status >= 300 && answer.status < 400 && (answer.location ?? '').startsWith('/console/sign-in'));

const inPool = async <T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
};

/** The whole table, item by item, to count what a batch of requests changed. */
const tableOf = (stack: LocalStack) => {
  const client = new DynamoDBClient({
    endpoint: process.env.CONVENE_TEST_DYNAMODB_ENDPOINT,
    region: stack.resources.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const keyOf = (item: Record<string, AttributeValue>) =>
    `${item[TableDesign.partitionKey]?.S}\u0000${item[TableDesign.sortKey]?.S}`;
  return {
    snapshot: async (): Promise<Map<string, string>> => {
      const items = new Map<string, string>();
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: stack.resources.tableName, ExclusiveStartKey: start }),
        );
        for (const item of page.Items ?? []) items.set(keyOf(item), JSON.stringify(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    close: () => client.destroy(),
  };
};

/** Items put, changed or deleted between two snapshots. */
const changes = (before: Map<string, string>, after: Map<string, string>): string[] => [
  ...[...after].filter(([key, item]) => before.get(key) !== item).map(([key]) => key),
  ...[...before.keys()].filter((key) => !after.has(key)),
];

export interface FuzzReport {
  readonly badInputs: Record<string, number>;
  readonly serverErrors: string[];
  readonly writesAfterRefusal: string[];
  mailsAfterRefusal: number;
  readonly answers: Record<string, Record<number, number>>;
}

const describe = (key: string, index: number, request: FuzzRequest, answer?: Answer): string =>
  [
    `${key} #${index} (FUZZ_SEED=${fuzzSeed} FUZZ_ROUTE='${key}')`,
    `  ${request.method} ${request.path.slice(0, 300)}`,
    `  headers ${JSON.stringify(request.headers).slice(0, 300)}`,
    ...(request.body === undefined ? [] : [`  body ${JSON.stringify(request.body.slice(0, 400))}`]),
    ...(answer ? [`  -> ${answer.status} ${answer.text.slice(0, 300).replace(/\s+/g, ' ')}`] : []),
  ].join('\n');

/** The seed of one target's inputs: the run's seed and the target's name, so each repeats on its own. */
const seedOf = (key: string): number => {
  let hash = fuzzSeed | 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
};

/**
 * Sends each target's inputs (many at once), then checks the table and the mail: when every answer of a
 * batch was a refusal, any change is a write after a refusal. When some were accepted, the refused ones
 * are sent again on their own (up to three rounds, then one by one), so that what they did is measured
 * apart from what the accepted ones did.
 */
export const fuzzTargets = async (
  stack: LocalStack,
  targets: readonly Target[],
  options: { afterEach?: () => Promise<void> } = {},
): Promise<FuzzReport> => {
  const table = tableOf(stack);
  const mails = async () => (await stack.ses.mail()).length;
  const report: FuzzReport = {
    badInputs: {},
    serverErrors: [],
    writesAfterRefusal: [],
    mailsAfterRefusal: 0,
    answers: {},
  };
  const measure = async (key: string, batch: readonly { request: FuzzRequest; index: number }[]) => {
    await stack.settle();
    const [before, mailsBefore] = [await table.snapshot(), await mails()];
    const answers = await inPool(batch, ({ request }) => send(stack.url, request));
    await stack.settle();
    const [after, mailsAfter] = [await table.snapshot(), await mails()];
    return { answers, changed: changes(before, after), mailed: mailsAfter - mailsBefore };
  };
  try {
    for (const target of targets) {
      const inputs = fc.sample(target.requests, {
        seed: seedOf(target.key),
        numRuns: runsFor(targets.length),
      });
      let batch = inputs.map((request, index) => ({ request, index }));
      report.badInputs[target.key] = inputs.length;
      const statuses: Record<number, number> = (report.answers[target.key] = {});
      for (let round = 0; batch.length > 0; round += 1) {
        const oneByOne = round > 3;
        const results = oneByOne
          ? await batch.reduce<Promise<Awaited<ReturnType<typeof measure>>[]>>(
              async (done, item) => [...(await done), await measure(target.key, [item])],
              Promise.resolve([]),
            )
          : [await measure(target.key, batch)];
        const answers = results.flatMap((r) => r.answers);
        const pieces = oneByOne
          ? results.map((r, i) => ({ ...r, items: [batch[i]!] }))
          : [{ ...results[0]!, items: batch }];
        answers.forEach((answer, i) => {
          if (round === 0) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status >= 500 && round === 0)
            report.serverErrors.push(describe(target.key, batch[i]!.index, batch[i]!.request, answer));
        });
        const refusedNow = batch.filter((_, i) => refused(answers[i]!));
        for (const piece of pieces) {
          const allRefused = piece.answers.every(refused);
          if (!allRefused) continue;
          if (piece.changed.length > 0)
            report.writesAfterRefusal.push(
              `${piece.changed.length} item(s) ${piece.changed.slice(0, 5).join(', ').replaceAll('\u0000', ' ')} after\n` +
                piece.items
                  .slice(0, 3)
                  .map(({ request, index }) => describe(target.key, index, request))
                  .join('\n'),
            );
          report.mailsAfterRefusal += piece.mailed;
        }
        // Every answer a refusal: measured. Otherwise the refused again, apart from the accepted.
        batch = oneByOne || refusedNow.length === batch.length ? [] : refusedNow;
      }
      await options.afterEach?.();
    }
  } finally {
    table.close();
  }
  return report;
};

// ---------------------------------------------------------------------------------------------------------
// What the inputs start from: a live event, a draft, a delegate with their links, a campaign, a post

export interface Fixtures {
  /** Real values of path parameters, by name (`eventId`), learnt from the API and the pages' links. */
  readonly known: Record<string, string[]>;
  /** Real query strings: the delegate's links' tokens, the plan feed's key, the exports' options. */
  readonly queries: string[];
  /** Plausible strings for any field: the fixtures' ids, times, names and addresses. */
  readonly hints: fc.Arbitrary<string>;
}

export const fuzzFixtures = async (
  stack: LocalStack,
  api: ReturnType<typeof apiClient>,
): Promise<Fixtures> => {
  const today = stack.clock.now();
  const conference = smallConference(today, { capacity: 50, title: 'Fuzzed conference' });
  const eventId = await publishedEvent(stack, api, conference);
  const draft = await api.call<{ eventId: string }>('POST', '/events', {
    body: conference,
    as: 'organisers',
  });
  const email = uniqueEmail('fuzz');
  const registered = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Alex Example', email, sessions: ['keynote', 'ws-a'] },
  });
  await stack.settle();
  const mail = (await stack.ses.mail(email))[0]?.body.text ?? '';
  const { registrationId, token: manage } = manageLinkIn(mail);
  const sendAt = new Date(today.getTime() + 3 * 86_400_000).toISOString();
  const campaign = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
    as: 'organisers',
    body: { subject: 'News', text: 'Dear {{name}}', audience: { status: ['confirmed'] }, sendAt },
  });
  const post = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
    as: 'comms',
    body: { text: 'See you there', publishAt: sendAt },
  });
  const plan = await api.call<{ feedUrl: string }>('POST', `/events/${eventId}/plan-key`, { as: 'comms' });
  for (const [what, answer, status] of [
    ['draft', draft, 201],
    ['registration', registered, 202],
    ['campaign', campaign, 202],
    ['post', post, 201],
    ['plan key', plan, 201],
  ] as const)
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  const inAMonth = new Date(today.getTime() + 30 * 86_400_000);
  const unsubscribe = signToken(stack.linkKey, 'unsubscribe', registrationId, inAMonth);
  const survey = signToken(stack.linkKey, 'survey', registrationId, inAMonth);
  const day = conference.startsAt.slice(0, 10);
  const known = {
    eventId: [eventId, draft.body.eventId],
    registrationId: [registrationId],
    campaignId: [campaign.body.campaignId],
    postId: [post.body.postId],
    token: [survey],
  };
  const strings = [
    ...Object.values(known).flat(),
    ...(conference.sessions ?? []).map((s) => s.id),
    `${day}T09:00`,
    `${day}T17:00`,
    day,
    sendAt,
    'Europe/London',
    'Alex Example',
    email,
    uniqueEmail('other'),
    'confirmed',
    'waitlisted',
    'cancelled',
    'organisers',
    'comms',
    'north-west',
    'yes',
    'on',
    '1',
  ].filter((value): value is string => typeof value === 'string');
  return {
    known,
    queries: [
      `?token=${manage}`,
      `?token=${unsubscribe}`,
      new URL(plan.body.feedUrl).search,
      '?include=needs',
      '?format=csv',
    ],
    hints: fc.oneof(fc.constantFrom(...strings), fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/)),
  };
};

/**
 * Reads the pages the way a person finds them: each GET route with real parameters (and each real query),
 * keeping the forms that post and learning path parameters from the links (an event's parts). Routes
 * whose parameters no link named are tried again once more is known.
 */
export const crawl = async (
  stack: LocalStack,
  routes: readonly LocalRoute[],
  fixtures: Fixtures,
  headersFor: (route: LocalRoute) => Record<string, string>,
): Promise<PageForm[]> => {
  const forms: PageForm[] = [];
  const seen = new Set<string>();
  // Every GET route with its known parameters, under each known query; then every page a page links to
  // (the manage page's "change" and "cancel" steps are its own links, with their query).
  const queue: string[] = [];
  for (const route of routes.filter((r) => r.method === 'GET')) {
    if (!route.params.every((name) => (fixtures.known[name]?.length ?? 0) > 0)) continue;
    const path = pathFor(
      route,
      route.params.map((name) => encodeURIComponent(fixtures.known[name]![0]!)),
      '',
    );
    if (path) queue.push(...['', ...fixtures.queries].map((query) => `${path}${query}`));
  }
  for (let visited = 0; queue.length > 0 && visited < MAX_CRAWLED_PAGES;) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const match = matchRoute(routes, 'GET', new URL(page, 'http://page').pathname);
    if (!match || !('route' in match)) continue;
    visited += 1;
    const answer = await send(stack.url, {
      method: 'GET',
      path: page,
      headers: { accept: 'text/html', ...headersFor(match.route) },
    });
    if (answer.status !== 200) continue;
    forms.push(...formsIn(answer.text, page));
    for (const link of linksIn(answer.text)) {
      const linked = matchRoute(allRoutes, 'GET', new URL(link, 'http://page').pathname);
      if (!linked || !('route' in linked)) continue;
      for (const [name, value] of Object.entries(linked.pathParameters))
        if (!(fixtures.known[name] ??= []).includes(value)) fixtures.known[name]!.push(value);
      if (!seen.has(link)) queue.push(link);
    }
  }
  return forms;
};

/** Pages a crawl reads at most: the public pages are a handful, each under a few queries. */
const MAX_CRAWLED_PAGES = 200;

/** The route a form posts to, if it is one of these. */
export const routeOfForm = (form: PageForm, routes: readonly LocalRoute[]): LocalRoute | undefined => {
  const match = matchRoute(routes, 'POST', new URL(form.action, 'http://page').pathname);
  return match && 'route' in match ? match.route : undefined;
};

/** The fields of every form posting to a route, merged (a page may show the same form twice). */
export const fieldsOf = (forms: readonly PageForm[]): FormField[] => {
  const merged = new Map<string, FormField>();
  for (const field of forms.flatMap((f) => f.fields)) {
    const before = merged.get(field.name);
    merged.set(field.name, {
      name: field.name,
      hidden: field.hidden,
      values: [...new Set([...(before?.values ?? []), ...field.values])],
    });
  }
  return [...merged.values()];
};
