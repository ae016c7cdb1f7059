import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { wiring } from '../../infra/wiring';
import type { Access } from '../../infra/wiring/types';

/** The adapter module behind each kind of access: reaching it means the function needs that grant. */
const adapterOf: Record<keyof Access, string> = {
  table: 'shared/adapters/dynamo/client.ts',
  bus: 'shared/adapters/bus.ts',
  scheduler: 'shared/adapters/scheduler.ts',
  sendQueue: 'shared/adapters/send-queue.ts',
  placesQueue: 'shared/adapters/places-queue.ts',
  ses: 'shared/adapters/ses.ts',
  xCredentials: 'shared/adapters/x-credentials.ts',
  tokens: 'shared/adapters/link-secret.ts',
  sendingLimits: 'shared/adapters/sending-limits.ts',
  pages: 'shared/pages/page-assets.ts',
  sender: 'shared/adapters/sender-address.ts',
  retention: 'shared/adapters/retention-settings.ts',
  teamMembers: 'shared/adapters/team-members.ts',
};

const reachedModules = async (entry: string): Promise<Set<string>> => {
  const result = await build({
    entryPoints: [path.join('functions', entry, 'handler.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return new Set(Object.keys(result.metafile.inputs));
};

describe('the wiring', () => {
  it('has a handler for every function', () => {
    for (const spec of Object.values(wiring.functions)) {
      expect(existsSync(path.join('functions', spec.entry, 'handler.ts'))).toBe(true);
    }
  });

  it.each(Object.entries(wiring.functions))(
    'grants %s exactly the resources its code reaches',
    async (_name, spec) => {
      const reached = await reachedModules(spec.entry);
      const needed = (Object.keys(adapterOf) as (keyof Access)[])
        .filter((kind) => reached.has(adapterOf[kind]))
        .sort();
      const granted = (Object.keys(spec.access) as (keyof Access)[]).sort();
      expect(granted).toEqual(needed);
    },
  );
});
