import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * What a test measured, for the run's summary (`.local/figures.json`, printed at the end of `npm test`).
 * Each call appends one line; the global teardown adds them up. Counts only: a test still asserts its
 * own figures (a lost record fails the test that saw it), this only reports them.
 */
export interface Figures {
  /** Generated bad inputs sent (fast-check), by route or form (`POST /events/{eventId}/registrations`). */
  readonly badInputs?: Readonly<Record<string, number>>;
  /** Answers with a 5xx status seen by any of those inputs. */
  readonly serverErrors?: number;
  /** Items written although the request was refused. */
  readonly writesAfterRefusal?: number;
  /** Faults injected, by kind (`putEvents`, `sesThrottle`, `schedulerCreate`, ...). */
  readonly faultsInjected?: Readonly<Record<string, number>>;
  /** Of those, the ones the system recovered from (reached the state it would have without the fault). */
  readonly faultsRecovered?: Readonly<Record<string, number>>;
  readonly recordsLost?: number;
  readonly duplicateSends?: number;
  /** Times a limit (quota, window, places) was passed. */
  readonly limitsExceeded?: number;
  /** The fast-check seed the bad inputs were generated from (`FUZZ_SEED` repeats them). */
  readonly fuzzSeed?: number;
}

export const figuresDirectory = join(process.cwd(), '.local', 'figures');

/**
 * This run's folder under `figuresDirectory` (the global setup names it, so runs side by side in one
 * checkout keep their figures apart); the folder itself when a test runs outside `npm test`.
 */
export const runFiguresDirectory = (): string => process.env.CONVENE_FIGURES_DIR ?? figuresDirectory;

/** The test file jest is running in this worker, when there is one (`expect` is jest's global). */
const runningTestFile = (): string | undefined =>
  (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect?.getState?.().testPath;

/** Adds a test's figures to the run's summary. `source` names the test file (defaults to the caller's). */
export const recordFigures = (
  figures: Figures,
  source = basename(runningTestFile() ?? process.argv[1] ?? 'test'),
): void => {
  const directory = runFiguresDirectory();
  mkdirSync(directory, { recursive: true });
  appendFileSync(join(directory, `${process.pid}.jsonl`), `${JSON.stringify({ source, ...figures })}\n`);
};

/** The run's figures added up, as `.local/figures.json` holds them. */
export interface FiguresSummary {
  readonly badInputs: { readonly total: number; readonly byRoute: Readonly<Record<string, number>> };
  readonly serverErrors: number;
  readonly writesAfterRefusal: number;
  readonly faultsInjected: Readonly<Record<string, number>>;
  readonly faultsRecovered: Readonly<Record<string, number>>;
  readonly recordsLost: number;
  readonly duplicateSends: number;
  readonly limitsExceeded: number;
  readonly fuzzSeeds: readonly number[];
  /** The test files that recorded figures, by name. */
  readonly sources: readonly string[];
  /** Lines of the figures folder that were not JSON (a worker killed mid-write). */
  readonly unreadableLines: number;
}

const addInto = (into: Record<string, number>, counts: Readonly<Record<string, number>> | undefined) => {
  for (const [key, count] of Object.entries(counts ?? {}))
    if (Number.isFinite(count)) into[key] = (into[key] ?? 0) + count;
};

const sorted = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/** Adds up recorded lines (each a JSON object of `Figures` with its `source`). */
export const summariseFigures = (lines: readonly string[]): FiguresSummary => {
  const byRoute: Record<string, number> = {};
  const injected: Record<string, number> = {};
  const recovered: Record<string, number> = {};
  const sources = new Set<string>();
  const seeds = new Set<number>();
  const totals = {
    serverErrors: 0,
    writesAfterRefusal: 0,
    recordsLost: 0,
    duplicateSends: 0,
    limitsExceeded: 0,
  };
  let unreadableLines = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let figures: Figures & { source?: unknown };
    try {
      figures = JSON.parse(line) as Figures & { source?: unknown };
    } catch {
      unreadableLines += 1;
      continue;
    }
    if (typeof figures.source === 'string') sources.add(figures.source);
    if (typeof figures.fuzzSeed === 'number') seeds.add(figures.fuzzSeed);
    addInto(byRoute, figures.badInputs);
    addInto(injected, figures.faultsInjected);
    addInto(recovered, figures.faultsRecovered);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += figures[key] ?? 0;
  }
  return {
    badInputs: { total: Object.values(byRoute).reduce((a, b) => a + b, 0), byRoute: sorted(byRoute) },
    ...totals,
    faultsInjected: sorted(injected),
    faultsRecovered: sorted(recovered),
    fuzzSeeds: [...seeds].sort((a, b) => a - b),
    sources: [...sources].sort(),
    unreadableLines,
  };
};

/** Every line the run's tests recorded in `directory`. */
export const readFigureLines = (directory = runFiguresDirectory()): string[] =>
  existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith('.jsonl'))
        .flatMap((name) => readFileSync(join(directory, name), 'utf8').split('\n'))
    : [];

const list = (counts: Readonly<Record<string, number>>): string =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .map(([key, count]) => `${key} ${count}`)
        .join(', ');

/** The summary as printed at the end of `npm test`: one line per figure, routes under their total. */
export const formatFigures = (summary: FiguresSummary): string => {
  const recoveredOf = (kind: string) => summary.faultsRecovered[kind] ?? 0;
  const faults = Object.entries(summary.faultsInjected).map(
    ([kind, count]) => `${kind} ${count} (recovered ${recoveredOf(kind)})`,
  );
  const routes = Object.entries(summary.badInputs.byRoute).map(([route, count]) => `    ${route}: ${count}`);
  return [
    '',
    `Figures (${summary.sources.length} test files; .local/figures.json)`,
    `  generated bad inputs: ${summary.badInputs.total}${
      summary.fuzzSeeds.length > 0 ? ` (FUZZ_SEED=${summary.fuzzSeeds.join(', ')})` : ''
    }`,
    ...routes,
    `  5xx seen: ${summary.serverErrors}`,
    `  writes after a refusal: ${summary.writesAfterRefusal}`,
    `  faults injected: ${faults.length === 0 ? 'none' : faults.join(', ')}`,
    ...(Object.keys(summary.faultsRecovered).some((k) => !(k in summary.faultsInjected))
      ? [`  faults recovered: ${list(summary.faultsRecovered)}`]
      : []),
    `  records lost: ${summary.recordsLost}`,
    `  duplicate sends: ${summary.duplicateSends}`,
    `  limits exceeded: ${summary.limitsExceeded}`,
    ...(summary.unreadableLines > 0 ? [`  unreadable lines: ${summary.unreadableLines}`] : []),
    '',
  ].join('\n');
};

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Starts a run's figures (global setup): clears what earlier runs left in `figuresDirectory`, except the
 * folders of runs still going, and names this run's folder for the workers (they inherit the variable).
 */
export const startRunFigures = (): string => {
  if (existsSync(figuresDirectory))
    for (const name of readdirSync(figuresDirectory)) {
      const pid = /^run-(\d+)$/.exec(name)?.[1];
      if (pid === undefined || !running(Number(pid)))
        rmSync(join(figuresDirectory, name), { recursive: true, force: true });
    }
  const directory = join(figuresDirectory, `run-${process.pid}`);
  rmSync(directory, { recursive: true, force: true });
  process.env.CONVENE_FIGURES_DIR = directory;
  return directory;
};
