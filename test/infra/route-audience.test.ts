import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { NestedStack } from 'aws-cdk-lib';
import { functionEnvironment } from '../../infra/local/environment';
import { functionEntries } from '../../infra/wiring';
import { EnvNames } from '../../shared/config/env';
import { synthConvene, type Synthesized } from './support';

type CfnJson = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const AUDIENCES = ['public', 'organisers', 'comms'];

/** The environment of a wiring function's Lambda, from the API's nested stack or the console's. */
const variablesOf = (synth: Synthesized, name: string): Record<string, unknown> => {
  const stacks: NestedStack[] = [synth.stacks.api, synth.stacks.api.console];
  const prefix = `Functions${name[0]!.toUpperCase()}${name.slice(1)}Function`;
  for (const stack of stacks) {
    const resources = synth.template(stack).findResources('AWS::Lambda::Function') as Record<string, CfnJson>;
    const found = Object.entries(resources).find(([id]) => id.startsWith(prefix));
    if (found) return found[1].Properties.Environment?.Variables ?? {};
  }
  throw new Error(`No Lambda function for ${name}`);
};

const httpFunctions = functionEntries().filter(([, spec]) => spec.trigger.kind === 'http');

describe('each route’s audience, declared once in the wiring', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthConvene();
  });

  it('is declared for every HTTP route of the wiring, as one of the groups', () => {
    expect(httpFunctions.length).toBeGreaterThan(30);
    for (const [name, { trigger }] of httpFunctions) {
      if (trigger.kind !== 'http') continue;
      expect({ name, auth: AUDIENCES.includes(trigger.auth) }).toEqual({ name, auth: true });
      if (trigger.optionalCaller !== undefined) {
        expect({ name, auth: trigger.auth, optional: trigger.optionalCaller }).toEqual({
          name,
          auth: 'public',
          optional: expect.stringMatching(/^(organisers|comms)$/),
        });
      }
    }
  });

  it('gives the table to every function whose signed-in routes name an event, campaign or post: the team check reads who owns an event', () => {
    for (const [name, spec] of functionEntries()) {
      const routes =
        spec.trigger.kind === 'http'
          ? [spec.trigger]
          : spec.trigger.kind === 'pages'
            ? spec.trigger.routes
            : [];
      const checked = routes.some(
        (r) =>
          (r.auth !== 'public' || ('optionalCaller' in r && r.optionalCaller !== undefined)) &&
          /\{(eventId|campaignId|postId)\}/.test(r.path),
      );
      if (checked) {
        expect({ name, table: spec.access.table !== undefined }).toEqual({ name, table: true });
      }
    }
  });

  it('reaches each HTTP function on AWS as its environment, and no other function', () => {
    for (const [name, { trigger }] of functionEntries()) {
      const variables = variablesOf(synth, name);
      const expected =
        trigger.kind === 'http'
          ? {
              auth: trigger.auth,
              optional: trigger.optionalCaller,
            }
          : trigger.kind === 'unmatched'
            ? { auth: trigger.auth, optional: undefined }
            : { auth: undefined, optional: undefined };
      expect({
        name,
        auth: variables[EnvNames.routeAuth],
        optional: variables[EnvNames.routeOptionalCaller],
      }).toEqual({ name, ...expected });
    }
  });

  it('reaches each HTTP function on the local stack the same way', () => {
    for (const [name, spec] of functionEntries()) {
      const all = functionEnvironment(spec);
      const variables = Object.fromEntries(
        [EnvNames.routeAuth, EnvNames.routeOptionalCaller].flatMap((n) => (n in all ? [[n, all[n]]] : [])),
      );
      const trigger = spec.trigger;
      expect({ name, variables }).toEqual({
        name,
        variables:
          trigger.kind === 'http'
            ? {
                [EnvNames.routeAuth]: trigger.auth,
                ...(trigger.optionalCaller ? { [EnvNames.routeOptionalCaller]: trigger.optionalCaller } : {}),
              }
            : trigger.kind === 'unmatched'
              ? { [EnvNames.routeAuth]: trigger.auth }
              : {},
      });
    }
  });

  it('is not declared again by any handler, and each handler uses the contract its route needs', () => {
    for (const [name, spec] of httpFunctions) {
      if (spec.trigger.kind !== 'http') continue;
      const source = readFileSync(path.join('functions', spec.entry, 'handler.ts'), 'utf8');
      const contract = /(?:httpContract|publicContract)\(([\s\S]*?)\)\s*\)/.exec(source)?.[1] ?? '';
      expect({ name, declares: /\b(auth|optionalCaller)\s*:/.test(contract) }).toEqual({
        name,
        declares: false,
      });
      // A route with no caller at all leaves the verifier out of its bundle; any other checks callers.
      const noCaller = spec.trigger.auth === 'public' && spec.trigger.optionalCaller === undefined;
      const uses = ['httpContract', 'publicContract'].filter((c) => source.includes(`${c}(`));
      expect({ name, uses }).toEqual({ name, uses: [noCaller ? 'publicContract' : 'httpContract'] });
    }
  });
});
