import { inTeam, notOurs } from '../domain/teams/teams';

/** The path parameters that name something an event owns. */
const OWNED = ['eventId', 'campaignId', 'postId'] as const;

/**
 * The one check that a signed-in caller acts only on their team's events and what is under them (the
 * campaign, post, registration, plan, mail, results or audit of `{eventId}`, `{campaignId}`, `{postId}`).
 * Called by the HTTP edge (http-contract.ts) and the console's router (console-handler.ts) for every
 * signed-in request; another team's is a 404, as if it did not exist. The table is read only when the
 * path names something, and its adapter is loaded then, so functions that never need it never start it.
 */
export const assertTeamScope = async (
  groups: readonly string[],
  params: Readonly<Record<string, string | undefined>>,
): Promise<void> => {
  const named = OWNED.filter((name) => params[name]);
  const [first] = named;
  if (first === undefined) return;
  const ids = Object.fromEntries(named.map((name) => [name, params[name]]));
  const { owningTeamOf } = await import('../adapters/dynamo/team-ownership');
  const owner = await owningTeamOf(ids);
  if (owner !== undefined && !inTeam(groups, owner)) throw notOurs(first);
};
