import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UsernameExistsException,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { EnvNames, requireEnv } from '../config/env';
import { notFound } from '../domain/errors';
import { teamGroup } from '../domain/teams/teams';
import { memberAddress, MEMBER_ROLES, type MemberRole, type TeamMember } from '../domain/teams/members';

/** Created once per module (cold start); the endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set. */
const userPoolId = requireEnv(EnvNames.userPoolId);
const cognito = new CognitoIdentityProviderClient({ maxAttempts: 4 });

/** Every user of a group (paged, 60 at a time); none when the group does not exist yet. */
const usersIn = async (group: string): Promise<UserType[]> => {
  const users: UserType[] = [];
  let next: string | undefined;
  try {
    do {
      const page = await cognito.send(
        new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: group, Limit: 60, NextToken: next }),
      );
      users.push(...(page.Users ?? []));
      next = page.NextToken;
    } while (next);
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return [];
    throw error;
  }
  return users;
};

const emailOf = (user: UserType): string =>
  user.Attributes?.find((a) => a.Name === 'email')?.Value ?? user.Username ?? '';

/** A team's group, made the first time someone is invited to it (a new team needs nothing else). */
const ensureGroup = async (teamId: string): Promise<void> => {
  try {
    await cognito.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: teamGroup(teamId),
        Description: `Members of the organising team ${teamId}`,
      }),
    );
  } catch (error) {
    if (!(error instanceof GroupExistsException)) throw error;
  }
};

const addTo = (username: string, group: string) =>
  cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }),
  );

/**
 * A team's members in the Cognito user pool: the `team:<id>` group's users, each with the roles
 * (`organisers`, `comms`) they hold. The only code that knows Cognito's user administration.
 */
export const teamMembers = {
  async list(teamId: string): Promise<TeamMember[]> {
    const [members, ...byRole] = await Promise.all([
      usersIn(teamGroup(teamId)),
      ...MEMBER_ROLES.map((role) => usersIn(role)),
    ]);
    return (members ?? []).map((user) => ({
      username: user.Username ?? '',
      email: emailOf(user),
      roles: MEMBER_ROLES.filter((_, i) => byRole[i]!.some((u) => u.Username === user.Username)),
      state: user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
    }));
  },

  /**
   * Invites someone to a team in a role: a new user gets Cognito's invitation mail with a temporary
   * password; someone already in the pool (another team's member) is added to this team's group. Answers
   * whether an invitation was mailed.
   */
  async invite(teamId: string, email: string, role: MemberRole): Promise<{ invited: boolean }> {
    const username = memberAddress(email);
    await ensureGroup(teamId);
    let invited = true;
    try {
      await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          UserAttributes: [
            { Name: 'email', Value: username },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
      invited = false;
    }
    await addTo(username, role);
    await addTo(username, teamGroup(teamId));
    return { invited };
  },

  /** Takes someone out of a team's group; their roles stay for their other teams. Next sign-in counts. */
  async remove(teamId: string, username: string): Promise<void> {
    const members = await usersIn(teamGroup(teamId));
    if (!members.some((u) => u.Username === username)) throw notFound('The member');
    try {
      await cognito.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: userPoolId,
          Username: username,
          GroupName: teamGroup(teamId),
        }),
      );
    } catch (error) {
      if (error instanceof UserNotFoundException) throw notFound('The member');
      throw error;
    }
  },
};
