import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { COLD_START_GOALS, coldStart } from './cold-start';
import { campaignBench } from './campaign';
import { registrationBurst } from './registration-burst';
import { registrationCost } from './registration-cost';

// `npm run bench`: ratios measured in one run (not absolute times), printed and written to a JSON report.
// Each benchmark runs in a process of its own: the functions' SDK clients are made once per process,
// for the endpoints of the local stack that process starts.
const ALL = ['cold-start', 'registration-burst', 'registration-cost', 'campaign'] as const;
const REPORT = 'test/bench/report.json';
/** Figures that say something went wrong rather than slow: the bench fails unless each is 0. */
const CORRECTNESS = ['overbooked', 'lost', 'duplicates', 'orderInversions', 'rateWindowsOver'] as const;

/** Every correctness figure in a result that is not 0, with where it is. */
const wrong = (value: unknown, at: string): string[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => wrong(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (CORRECTNESS as readonly string[]).includes(key) && v !== 0
      ? [`${at}.${key} = ${String(v)}`]
      : wrong(v, `${at}.${key}`),
  );
};

const asked = process.argv.slice(2);
if (asked.length !== 1) {
  for (const name of asked.length === 0 ? ALL : asked) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, name], {
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      console.error(`\nBenchmark ${name} failed`);
      process.exitCode = 1;
    }
  }
  console.log(`\nReport written to ${REPORT}`);
  process.exit(process.exitCode ?? 0);
}

const name = asked[0];
const report: Record<string, unknown> = existsSync(REPORT)
  ? (JSON.parse(readFileSync(REPORT, 'utf8')) as Record<string, unknown>)
  : {};
report.node = process.version;

if (name === 'cold-start') {
  const rows = await coldStart();
  report.coldStart = {
    at: new Date().toISOString(),
    goals: COLD_START_GOALS,
    meetingGoal: rows.filter((r) => r.meetsGoal).length,
    rows,
  };
  console.log(
    `\nCold start: bundle size and module-load time as ratios to a floor of the same SDK clients (and a page ` +
      `function's template runtime); goals ${COLD_START_GOALS.sizeRatio}x and ${COLD_START_GOALS.loadRatio}x, ` +
      `${COLD_START_GOALS.noFloorBytes / 1024} kB with no floor`,
  );
  console.table(
    rows.map((r) => ({
      function: r.function,
      kB: Math.round(r.bytes / 1024),
      size: r.sizeRatio?.toFixed(2) ?? 'no floor',
      load: r.loadRatio?.toFixed(2) ?? 'no floor',
      runs: r.loadRuns,
      goal: r.meetsGoal ? 'met' : 'not met',
      largest: r.largestInputs.map((i) => `${i.input} ${i.kB}`).join(', '),
    })),
  );
  console.log(`${rows.filter((r) => r.meetsGoal).length} of ${rows.length} functions meet the goal`);
} else if (name === 'registration-burst') {
  const result = await registrationBurst();
  report.registrationBurst = { at: new Date().toISOString(), ...result };
  console.log('\nRegistration burst');
  console.table([result]);
} else if (name === 'registration-cost') {
  const result = await registrationCost();
  report.registrationCost = { at: new Date().toISOString(), ...result };
  console.log(
    '\nCost: write capacity units per registration (with its confirmation mail) against the minimum',
  );
  console.table([result]);
} else if (name === 'campaign') {
  const runs = await campaignBench();
  report.campaign = { at: new Date().toISOString(), runs };
  console.log('\nCampaign under throttling: the rate SES saw, from the first accepted send to the last');
  console.table(runs);
} else {
  console.error(`Unknown benchmark ${name}; one of: ${ALL.join(', ')}`);
  process.exit(2);
}
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
const problems = wrong(report[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())], name);
if (problems.length > 0) {
  console.error(`\nCorrectness figures that must be 0:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
// The local stack's emulators may hold the event loop; the run is done.
process.exit(0);
