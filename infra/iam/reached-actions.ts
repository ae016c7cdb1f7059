import { existsSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { operationOfCommand } from './sdk-permissions';

const cache = new Map<string, ReadonlySet<string> | undefined>();

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
            reachedCommands(entryFile).flatMap((command) => {
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
