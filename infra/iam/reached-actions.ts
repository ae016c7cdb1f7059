import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { operationOfCommand } from './sdk-permissions';

const cache = new Map<string, ReadonlySet<string> | undefined>();

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every synthesis reads each function's code (an esbuild bundle each, some 70 of them): the commands are
 * kept on disk by a hash of the code they come from, so the infra tests' many syntheses and `npm start`
 * bundle each handler once per change of the code rather than once per synthesis.
 */
const diskCache = (() => {
  let loaded: { file: string; entries: Record<string, string[]> } | undefined;
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .flatMap((entry) => {
            const full = path.join(dir, entry);
            return statSync(full).isDirectory() ? walk(full) : [full];
          })
      : [];
  const open = () => {
    if (loaded) return loaded;
    const hash = createHash('sha256');
    for (const file of [
      ...walk(path.join(projectRoot, 'functions')),
      ...walk(path.join(projectRoot, 'shared')),
      ...walk(path.join(projectRoot, 'events')),
      path.join(projectRoot, 'package-lock.json'),
    ])
      hash.update(path.relative(projectRoot, file)).update(readFileSync(file));
    const dir = path.join(projectRoot, 'node_modules', '.cache', 'convene-reached');
    const file = path.join(dir, `${hash.digest('hex').slice(0, 24)}.json`);
    let entries: Record<string, string[]> = {};
    try {
      entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
    } catch {
      mkdirSync(dir, { recursive: true });
    }
    loaded = { file, entries };
    return loaded;
  };
  return {
    get: (entryFile: string): string[] | undefined => open().entries[path.relative(projectRoot, entryFile)],
    set: (entryFile: string, commands: string[]): void => {
      const { file, entries } = open();
      entries[path.relative(projectRoot, entryFile)] = commands;
      // Written whole and renamed: another process reading it never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(entries));
      renameSync(temporary, file);
    },
  };
})();

const cachedCommands = (entryFile: string): string[] => {
  const known = diskCache.get(entryFile);
  if (known) return known;
  const commands = reachedCommands(entryFile);
  diskCache.set(entryFile, commands);
  return commands;
};

/**
 * The SDK commands a handler's code can reach: its bundle with packages left external, tree-shaken as the
 * Lambda bundle is, read for the commands it imports from `@aws-sdk/*` (`package#Command`).
 */
export const reachedCommands = (entryFile: string): string[] => {
  const result = buildSync({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(@aws-sdk\/[^"]+)"/g)].flatMap(
    ([, imported, pkg]) =>
      (imported ?? '')
        .split(',')
        .map((name) => name.trim().split(/\s+as\s+/)[0] ?? '')
        .filter((name) => name.endsWith('Command'))
        .map((name) => `${pkg}#${name}`),
  );
};

/**
 * Every IAM action a handler's code may need (through sdk-permissions.ts), or undefined where there is no
 * handler to read yet. Read once per file and process: a synthesis reads each function's code once.
 */
export const reachedActions = (entryFile: string): ReadonlySet<string> | undefined => {
  if (!cache.has(entryFile)) {
    cache.set(
      entryFile,
      existsSync(entryFile)
        ? new Set(
            cachedCommands(entryFile).flatMap((command) => {
              const entry = operationOfCommand(command);
              if (!entry) {
                throw new Error(
                  `${entryFile} reaches ${command}, which infra/iam/sdk-permissions.ts does not map to IAM actions`,
                );
              }
              return entry.actions;
            }),
          )
        : undefined,
    );
  }
  return cache.get(entryFile);
};
