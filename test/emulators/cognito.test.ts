import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CognitoEmulator } from '../../infra/local/emulators/cognito';
import type { RunningServer } from '../../infra/local/emulators/serve';
import type { teamMembers as TeamMembers } from '../../shared/adapters/team-members';

/**
 * The local Cognito user pool, driven by the team-members adapter through the real
 * @aws-sdk/client-cognito-identity-provider: the same code that manages a team's members on AWS.
 */
const POOL = 'eu-west-2_local';
let cognito: CognitoEmulator;
let server: RunningServer;
let members: typeof TeamMembers;

beforeAll(async () => {
  cognito = new CognitoEmulator(POOL);
  server = await cognito.listen();
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: server.url,
    USER_POOL_ID: POOL,
  });
  ({ teamMembers: members } = await import('../../shared/adapters/team-members'));
});

afterAll(async () => {
  await server.close();
});

describe('a team’s members in the local user pool, through the SDK', () => {
  it('lists nobody for a team that has no group yet', async () => {
    expect(await members.list('nobody-yet')).toEqual([]);
  });

  it('invites a new member: the team’s group is made, the invitation mailed, the roles given', async () => {
    expect(await members.invite('north-west', ' Ada@School.example.org ', 'organisers')).toEqual({
      invited: true,
    });
    expect(await members.invite('north-west', 'comms@school.example.org', 'comms')).toEqual({
      invited: true,
    });
    expect(cognito.invitations().map((i) => i.email)).toEqual([
      'ada@school.example.org',
      'comms@school.example.org',
    ]);
    expect(cognito.groupsOf('ada@school.example.org').sort()).toEqual(['organisers', 'team:north-west']);
    expect(await members.list('north-west')).toEqual([
      {
        username: 'ada@school.example.org',
        email: 'ada@school.example.org',
        roles: ['organisers'],
        state: 'invited',
      },
      {
        username: 'comms@school.example.org',
        email: 'comms@school.example.org',
        roles: ['comms'],
        state: 'invited',
      },
    ]);
  });

  it('adds someone already in the pool to another team without a second invitation', async () => {
    expect(await members.invite('south-east', 'ada@school.example.org', 'organisers')).toEqual({
      invited: false,
    });
    expect(cognito.invitations()).toHaveLength(2);
    expect((await members.list('south-east')).map((m) => m.email)).toEqual(['ada@school.example.org']);
  });

  it('removes a member from one team only; an unknown member is a 404', async () => {
    await members.remove('south-east', 'ada@school.example.org');
    expect(await members.list('south-east')).toEqual([]);
    expect((await members.list('north-west')).map((m) => m.email)).toContain('ada@school.example.org');
    expect(cognito.groupsOf('ada@school.example.org').sort()).toEqual(['organisers', 'team:north-west']);
    await expect(members.remove('south-east', 'nobody@school.example.org')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('pages through a large team', async () => {
    for (let i = 0; i < 65; i += 1) await members.invite('big', `m${i}@school.example.org`, 'comms');
    expect(await members.list('big')).toHaveLength(65);
  });

  it('answers another pool’s calls as Cognito does: no such pool', async () => {
    process.env.USER_POOL_ID = 'eu-west-2_other';
    const { CognitoIdentityProviderClient, ListUsersInGroupCommand } =
      await import('@aws-sdk/client-cognito-identity-provider');
    await expect(
      new CognitoIdentityProviderClient({}).send(
        new ListUsersInGroupCommand({ UserPoolId: 'eu-west-2_other', GroupName: 'organisers' }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    process.env.USER_POOL_ID = POOL;
  });
});
