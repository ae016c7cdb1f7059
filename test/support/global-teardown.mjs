// Plain ESM because jest loads global teardown outside its transform; tsx imports the TypeScript module.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

/**
 * Stops the run's DynamoDB Local, then adds up what the tests recorded (test/support/figures.ts), writes
 * it to `.local/figures.json` and prints it: jest has printed its own summary by now, so this comes last.
 */
export default async function globalTeardown() {
  await globalThis.__conveneDynamo?.stop();
  const { formatFigures, readFigureLines, runFiguresDirectory, summariseFigures } = await tsImport(
    './figures.ts',
    import.meta.url,
  );
  const summary = summariseFigures(readFigureLines());
  rmSync(runFiguresDirectory(), { recursive: true, force: true });
  mkdirSync(join(process.cwd(), '.local'), { recursive: true });
  writeFileSync(join(process.cwd(), '.local', 'figures.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(formatFigures(summary));
}
