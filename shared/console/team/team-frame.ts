import { teamsOf } from '../../domain/teams/teams';
import { isOrganiser, type ConsoleSession } from '../console-session';

/** The console follows the team on every page: its name beside the person's role ("Organiser, north-west"). */
export const teamWords = (session: ConsoleSession): string => {
  const teams = teamsOf(session.groups);
  return teams.length > 0 ? `, ${teams.join(', ')}` : ', no team';
};

/** The console's navigation with "Your team" for organisers, who manage its members. */
export const teamNavigation = <T extends { href: string; text: string; active: boolean }>(
  session: ConsoleSession,
  navigation: T[],
): { href: string; text: string; active: boolean }[] =>
  isOrganiser(session)
    ? [...navigation, { href: '/console/team', text: 'Your team', active: false }]
    : navigation;
