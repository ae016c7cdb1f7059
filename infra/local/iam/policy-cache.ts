import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { PolicyModel } from './policy-model';
import type { LocalDeployment } from './synthesize-policies';

/**
 * What the synthesized policies depend on: the CDK app (infra/ but the local stack), the event contracts
 * its rules are built from, the code its grants are narrowed to, and the locked CDK version.
 */
const inputsOf = (root: string): string[] => {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .flatMap((entry) => {
            const full = path.join(dir, entry);
            if (full === path.join(root, 'infra', 'local')) return [];
            return statSync(full).isDirectory() ? walk(full) : [full];
          })
      : [];
  return [
    ...walk(path.join(root, 'infra')),
    ...walk(path.join(root, 'events')),
    // Table grants narrow to the calls each handler's code can make (infra/iam/reached-actions.ts).
    ...walk(path.join(root, 'functions')),
    ...walk(path.join(root, 'shared')),
    path.join(root, 'package-lock.json'),
  ];
};

const hashOf = (root: string, deployment: LocalDeployment): string => {
  const hash = createHash('sha256').update(JSON.stringify(deployment));
  for (const file of inputsOf(root)) hash.update(path.relative(root, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 24);
};

/**
 * The policy model of the local deployment, synthesized once per change of its inputs and kept in
 * node_modules/.cache, so every test file and `npm start` share one synthesis (about half a minute) and a
 * stale cache can never be read after the app changed.
 */
export const localPolicyModel = async (root: string, deployment: LocalDeployment): Promise<PolicyModel> => {
  const dir = path.join(root, 'node_modules', '.cache', 'convene-iam');
  const file = path.join(dir, `${hashOf(root, deployment)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PolicyModel;
  // Loaded only on a miss: the CDK library takes seconds to import.
  const { synthesizePolicyModel } = await import('./synthesize-policies');
  const model = synthesizePolicyModel(deployment);
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: two processes synthesizing at once never read half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(model));
  renameSync(partial, file);
  return model;
};
