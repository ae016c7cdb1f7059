import path from 'node:path';
import { LOCAL_GROUPS, signLocalToken, useSavedUserPool } from './local-auth';

// `npm run --silent token -- organisers` prints a bearer token for the local stack that `npm start` runs
// from the same data folder: it signs with the key pair that stack keeps there.
const groups = process.argv.slice(2);
const unknown = groups.filter((g) => !(LOCAL_GROUPS as readonly string[]).includes(g));
if (groups.length === 0 || unknown.length > 0) {
  process.stderr.write(`Usage: npm run --silent token -- <${LOCAL_GROUPS.join('|')}> [more groups]\n`);
  process.exit(2);
}
try {
  await useSavedUserPool(path.resolve(process.env.CONVENE_DATA_DIR ?? '.local'));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`${await signLocalToken(groups)}\n`);
