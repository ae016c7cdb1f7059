import { LOCAL_GROUPS, signLocalToken } from './local-auth';

// `npm run --silent token -- organisers` prints a bearer token for the local stack.
const groups = process.argv.slice(2);
const unknown = groups.filter((g) => !(LOCAL_GROUPS as readonly string[]).includes(g));
if (groups.length === 0 || unknown.length > 0) {
  process.stderr.write(`Usage: npm run --silent token -- <${LOCAL_GROUPS.join('|')}> [more groups]\n`);
  process.exit(2);
}
process.stdout.write(`${await signLocalToken(groups)}\n`);
