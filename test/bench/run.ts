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

const asked = process.argv.slice(2);
if (asked.length !== 1) {
  for (const name of asked.length === 0 ? ALL : asked) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, name], {
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  console.log(`\nReport written to ${REPORT}`);
  process.exit(0);
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
  const result = await campaignBench();
  report.campaign = { at: new Date().toISOString(), ...result };
  console.log('\nCampaign under throttling');
  console.table([result]);
} else {
  console.error(`Unknown benchmark ${name}; one of: ${ALL.join(', ')}`);
  process.exit(2);
}
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
// The local stack's emulators may hold the event loop; the run is done.
process.exit(0);
