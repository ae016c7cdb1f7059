import { parseArgs } from 'node:util';
import { DEFAULT_TEAM, isTeamId } from '../../shared/domain/teams/teams';
import { LOCAL_GROUPS, signLocalToken, useSavedUserPool } from './local-auth';
import { localDataDir } from './data-dir';

// `npm run --silent token -- organisers --team north-west` prints a bearer token for the local stack that
// `npm start` runs from the same data folder: it signs with the key pair that stack keeps there. Without
// --team the token is for north-west, the demo event's team; --team again for a member of several teams.
const usage = `Usage: npm run --silent token -- <${LOCAL_GROUPS.join('|')}> [more groups] [--team <id>]...\n`;
const parse = () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { team: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const groups = parsed.positionals;
const teams = parsed.values.team ?? [DEFAULT_TEAM];
const unknown = groups.filter((g) => !(LOCAL_GROUPS as readonly string[]).includes(g));
const badTeams = teams.filter((team) => !isTeamId(team));
if (groups.length === 0 || unknown.length > 0 || badTeams.length > 0) {
  process.stderr.write(
    badTeams.length > 0
      ? `Not a team id (lower-case letters, digits, hyphens): ${badTeams.join(', ')}\n${usage}`
      : usage,
  );
  process.exit(2);
}
try {
  await useSavedUserPool(localDataDir());
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`${await signLocalToken(groups, { teams })}\n`);
