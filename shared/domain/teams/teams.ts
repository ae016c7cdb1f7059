import { DomainError, notFound } from '../errors';

/**
 * Teams: an organising team (a school alliance) owns its events and everything under them. Membership is a
 * Cognito group named `team:<id>` beside `organisers`/`comms`; a person may be in several teams.
 */
export const TEAM_GROUP_PREFIX = 'team:';

/** The team of the demo event, of a local token without `--team`, and of every event made before teams. */
export const DEFAULT_TEAM = 'north-west';

/** A team's id: lower-case letters, digits and single hyphens, 2 to 40 characters (a Cognito group name's part). */
export const TEAM_ID = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$/;

export const isTeamId = (value: string): boolean => TEAM_ID.test(value);

/** The Cognito group of a team's members. */
export const teamGroup = (teamId: string): string => `${TEAM_GROUP_PREFIX}${teamId}`;

/** The teams a caller's groups name, each exactly as `team:<id>`; anything else names no team. */
export const teamsOf = (groups: readonly string[]): readonly string[] =>
  groups.flatMap((group) => {
    if (!group.startsWith(TEAM_GROUP_PREFIX)) return [];
    const id = group.slice(TEAM_GROUP_PREFIX.length);
    return isTeamId(id) ? [id] : [];
  });

/** The team that owns an event: its own, or the default team for an event made before teams. */
export const owningTeam = (event: { readonly teamId?: string }): string => event.teamId ?? DEFAULT_TEAM;

/** Whether a caller in these groups may see and act on what the team owns. */
export const inTeam = (groups: readonly string[], teamId: string): boolean =>
  teamsOf(groups).includes(teamId);

/**
 * What a caller of another team is told: that there is no such thing (404), never that it exists but is
 * someone else's (403), so ids of other teams' events cannot be probed.
 */
export const notOurs = (what: 'eventId' | 'campaignId' | 'postId'): DomainError =>
  notFound({ eventId: 'The event', campaignId: 'The campaign', postId: 'The post' }[what]);

/**
 * The team a new event belongs to: the one the caller names (one of theirs), else their only team. A caller
 * in several teams must name one (400); a caller in no team cannot create events (403).
 */
export const teamForNewEvent = (groups: readonly string[], named?: string): string => {
  const teams = teamsOf(groups);
  if (named !== undefined) {
    if (teams.includes(named)) return named;
    throw new DomainError('invalid', 'invalid_request', 'You are not in that team.', [
      { path: 'teamId', message: `Must be one of your teams: ${teams.join(', ') || 'none'}` },
    ]);
  }
  const [only, ...others] = teams;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) {
    throw new DomainError(
      'forbidden',
      'no_team',
      'You are in no team: ask an organiser of your team to add you.',
    );
  }
  throw new DomainError(
    'invalid',
    'invalid_request',
    'You are in several teams: say which team the event is for.',
    [{ path: 'teamId', message: `Required: one of ${teams.join(', ')}` }],
  );
};
