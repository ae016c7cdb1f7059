import { writeFileSync } from 'node:fs';
import { coldStart } from './cold-start';
import { campaignBench } from './campaign';
import { registrationBurst } from './registration-burst';
import { registrationCost } from './registration-cost';

// `npm run bench`: ratios measured in one run (not absolute times), printed and written to a JSON report.
const which = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => which.size === 0 || which.has(name);
const report: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };

if (wanted('cold-start')) {
  const rows = await coldStart();
  report.coldStart = rows;
  console.log('\nCold start: bundle size and module-load time as ratios to a floor of the same SDK clients');
  console.table(
    rows.map((r) => ({
      function: r.function,
      kB: Math.round(r.bytes / 1024),
      size: r.sizeRatio?.toFixed(2) ?? 'no SDK',
      load: r.loadRatio?.toFixed(2) ?? 'no SDK',
    })),
  );
}
if (wanted('registration-burst')) {
  const result = await registrationBurst();
  report.registrationBurst = result;
  console.log('\nRegistration burst');
  console.table([result]);
}
if (wanted('registration-cost')) {
  const result = await registrationCost();
  report.registrationCost = result;
  console.log(
    '\nCost: write capacity units per registration (with its confirmation mail) against the minimum',
  );
  console.table([result]);
}
if (wanted('campaign')) {
  const result = await campaignBench();
  report.campaign = result;
  console.log('\nCampaign under throttling');
  console.table([result]);
}
writeFileSync('test/bench/report.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('\nReport written to test/bench/report.json');
