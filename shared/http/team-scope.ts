import { owningTeamOf } from '../adapters/dynamo/team-ownership';
import { inTeam, notOurs } from '../domain/teams/teams';

/** The path parameters that name something an event owns. */
const OWNED = ['eventId', 'campaignId', 'postId'] as const;

/**
 * The one check that a signed-in caller acts only on their team's events and what is under them (the
 * campaign, post, registration, plan, mail, results or audit of `{eventId}`, `{campaignId}`, `{postId}`).
 * Called by the HTTP edge (http-contract.ts) and the console's router (console-handler.ts) for every
 * signed-in request; another team's is a 404, as if it did not exist. The table is read only when the
 * path names something. The adapter is imported statically: every function with a signed-in route has the
 * table (test/infra/route-audience.test.ts), and a dynamic import would make the bundler wrap the adapter
 * and the DynamoDB SDK beneath it in lazy initialisers, which it cannot tree-shake (about 50 kB a function).
 */
export const assertTeamScope = async (
  groups: readonly string[],
  params: Readonly<Record<string, string | undefined>>,
): Promise<void> => {
  const named = OWNED.filter((name) => params[name]);
  const [first] = named;
  if (first === undefined) return;
  const ids = Object.fromEntries(named.map((name) => [name, params[name]]));
  const owner = await owningTeamOf(ids);
  if (owner !== undefined && !inTeam(groups, owner)) throw notOurs(first);
};
