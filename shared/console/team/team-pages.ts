import { teamMembers } from '../../adapters/team-members';
import { notFound } from '../../domain/errors';
import {
  assertMayRemove,
  byRoleThenAddress,
  MEMBER_ROLES,
  memberAddress,
  type MemberRole,
} from '../../domain/teams/members';
import { teamsOf } from '../../domain/teams/teams';
import { seeOther } from '../../http/respond';
import type { ConsolePages, ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import type { teamRoutes } from './team-routes';
import { teamUrls } from './team-routes';

const roleWords: Record<MemberRole, string> = { organisers: 'Organiser', comms: 'Communications team' };

/** The team a request is about: one of the person's own (`team` in the query or form), else their first. */
const teamOf = (request: ConsoleRequest, named: string | undefined): string => {
  const teams = teamsOf(request.session.groups);
  const team = named ?? teams[0];
  if (team === undefined || !teams.includes(team)) throw notFound('The team');
  return team;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const membersPage = async (
  request: ConsoleRequest,
  teamId: string,
  problem?: { email: string; role: string; error: string },
  status = 200,
) => {
  const members = byRoleThenAddress(await teamMembers.list(teamId));
  const done = request.query.done;
  return consolePage(
    request,
    'team/members.njk',
    {
      title: `Your team: ${teamId}`,
      teamId,
      teams: teamsOf(request.session.groups).map((id) => ({
        id,
        url: teamUrls.members(id),
        current: id === teamId,
      })),
      banner:
        done === 'invited'
          ? 'Invitation sent. They get an email with a temporary password.'
          : done === 'added'
            ? 'Added to the team. They already had an account, so no invitation was sent.'
            : done === 'removed'
              ? 'Removed from the team. It takes effect the next time they sign in.'
              : undefined,
      members: members.map((m) => ({
        email: m.email,
        username: m.username,
        roles: m.roles.map((r) => roleWords[r]).join(', ') || 'None',
        state: m.state === 'invited' ? 'Invited' : 'Active',
        self: memberAddress(m.email) === memberAddress(request.session.email),
      })),
      roles: MEMBER_ROLES.map((r) => ({
        value: r,
        text: roleWords[r],
        checked: (problem?.role ?? 'organisers') === r,
      })),
      inviteUrl: teamUrls.invite,
      removeUrl: teamUrls.remove,
      values: { email: problem?.email ?? '' },
      error: problem?.error,
    },
    status,
  );
};

export const teamPages: ConsolePages<typeof teamRoutes> = {
  members: async (request) => membersPage(request, teamOf(request, request.query.team)),

  invite: async (request) => {
    const teamId = teamOf(request, request.form.fields.team);
    const email = memberAddress(request.form.fields.email ?? '');
    const role = MEMBER_ROLES.find((r) => r === request.form.fields.role);
    if (!EMAIL.test(email) || email.length > 254) {
      const error = 'Enter an email address in the correct format, like name@example.org';
      return membersPage(request, teamId, { email, role: role ?? 'organisers', error }, 400);
    }
    if (!role) {
      return membersPage(request, teamId, { email, role: '', error: 'Choose what they do in the team' }, 400);
    }
    const { invited } = await teamMembers.invite(teamId, email, role);
    return seeOther(teamUrls.members(teamId, invited ? 'invited' : 'added'));
  },

  remove: async (request) => {
    const teamId = teamOf(request, request.form.fields.team);
    const username = request.form.fields.username ?? '';
    assertMayRemove(request.session.email, username);
    await teamMembers.remove(teamId, username);
    return seeOther(teamUrls.members(teamId, 'removed'));
  },
};
