import { awsError, serve, type RunningServer, type WireRequest, type WireResponse } from './serve';

interface LocalUser {
  readonly username: string;
  readonly sub: string;
  readonly attributes: Record<string, string>;
  readonly createdAt: Date;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
}

/** An invitation Cognito would have mailed (AdminCreateUser with DesiredDeliveryMediums EMAIL). */
export interface LocalInvitation {
  readonly username: string;
  readonly email: string;
  readonly at: Date;
}

type Body = Record<string, unknown>;

const json = (body: unknown): WireResponse => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body,
});

const TARGET = 'AWSCognitoIdentityProviderService.';

/**
 * A loopback Cognito user pool of the operations the team-members adapter calls, on the AWS JSON 1.1
 * protocol the SDK speaks: AdminCreateUser (recording the invitation it would mail), AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, ListUsersInGroup (paginated by NextToken), CreateGroup and GetGroup. Errors are
 * Cognito's: UserNotFoundException, UsernameExistsException, ResourceNotFoundException (no such group),
 * GroupExistsException. One pool, whatever UserPoolId a call names, as long as it names this one.
 */
export class CognitoEmulator {
  private readonly users = new Map<string, LocalUser>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly sent: LocalInvitation[] = [];
  private server?: RunningServer;

  constructor(
    readonly userPoolId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    // The groups the identity stack makes with the pool on AWS; teams' groups come as they are invited to.
    for (const group of ['organisers', 'comms']) this.groups.set(group, new Set());
  }

  /** Invitations Cognito would have mailed, oldest first. */
  invitations(): readonly LocalInvitation[] {
    return [...this.sent];
  }

  /** The groups a user is in (for tests and the local sign-in). */
  groupsOf(username: string): string[] {
    return [...this.groups].filter(([, members]) => members.has(username)).map(([name]) => name);
  }

  private user(username: unknown): LocalUser | undefined {
    return typeof username === 'string'
      ? (this.users.get(username) ??
          [...this.users.values()].find((u) => u.attributes.email === username.toLowerCase()))
      : undefined;
  }

  private describe(user: LocalUser) {
    return {
      Username: user.username,
      Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
      UserCreateDate: user.createdAt.getTime() / 1000,
      UserLastModifiedDate: user.createdAt.getTime() / 1000,
      Enabled: true,
      UserStatus: user.status,
    };
  }

  private operations: Record<string, (body: Body) => WireResponse> = {
    AdminCreateUser: (body) => {
      const username = String(body.Username ?? '');
      if (username === '') return awsError(400, 'InvalidParameterException', 'Username is required.');
      if (this.user(username))
        return awsError(400, 'UsernameExistsException', 'User account already exists.');
      const attributes: Record<string, string> = {};
      for (const a of (body.UserAttributes as { Name: string; Value: string }[] | undefined) ?? []) {
        attributes[a.Name] = a.Value;
      }
      const user: LocalUser = {
        username,
        sub: crypto.randomUUID(),
        attributes: { ...attributes, sub: '' },
        createdAt: this.now(),
        status: 'FORCE_CHANGE_PASSWORD',
      };
      user.attributes.sub = user.sub;
      this.users.set(username, user);
      const mediums = (body.DesiredDeliveryMediums as string[] | undefined) ?? [];
      if (body.MessageAction !== 'SUPPRESS' && mediums.includes('EMAIL') && attributes.email) {
        this.sent.push({ username, email: attributes.email, at: this.now() });
      }
      return json({ User: this.describe(user) });
    },
    AdminAddUserToGroup: (body) => {
      const user = this.user(body.Username);
      if (!user) return awsError(400, 'UserNotFoundException', 'User does not exist.');
      const group = this.groups.get(String(body.GroupName));
      if (!group) return awsError(400, 'ResourceNotFoundException', 'Group not found.');
      group.add(user.username);
      return json({});
    },
    AdminRemoveUserFromGroup: (body) => {
      const user = this.user(body.Username);
      if (!user) return awsError(400, 'UserNotFoundException', 'User does not exist.');
      const group = this.groups.get(String(body.GroupName));
      if (!group) return awsError(400, 'ResourceNotFoundException', 'Group not found.');
      group.delete(user.username);
      return json({});
    },
    ListUsersInGroup: (body) => {
      const group = this.groups.get(String(body.GroupName));
      if (!group) return awsError(400, 'ResourceNotFoundException', 'Group not found.');
      const limit = Math.min(Number(body.Limit ?? 60), 60);
      const start = Number(body.NextToken ?? 0);
      const members = [...group].sort();
      const page = members.slice(start, start + limit);
      const users = page.flatMap((name) => {
        const user = this.users.get(name);
        return user ? [this.describe(user)] : [];
      });
      const next = start + limit < members.length ? { NextToken: String(start + limit) } : {};
      return json({ Users: users, ...next });
    },
    CreateGroup: (body) => {
      const name = String(body.GroupName ?? '');
      if (this.groups.has(name))
        return awsError(400, 'GroupExistsException', 'A group with the name already exists.');
      this.groups.set(name, new Set());
      return json({ Group: { GroupName: name, UserPoolId: this.userPoolId, Description: body.Description } });
    },
    GetGroup: (body) => {
      const name = String(body.GroupName ?? '');
      if (!this.groups.has(name)) return awsError(400, 'ResourceNotFoundException', 'Group not found.');
      return json({ Group: { GroupName: name, UserPoolId: this.userPoolId } });
    },
  };

  private async handle(request: WireRequest): Promise<WireResponse> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET) ? this.operations[target.slice(TARGET.length)] : undefined;
    if (!operation) {
      return awsError(400, 'UnknownOperationException', `The local Cognito does not support ${target}.`);
    }
    const body = JSON.parse(request.body || '{}') as Body;
    if (body.UserPoolId !== this.userPoolId) {
      return awsError(
        400,
        'ResourceNotFoundException',
        `User pool ${String(body.UserPoolId)} does not exist.`,
      );
    }
    return operation(body);
  }

  async listen(port = 0): Promise<RunningServer> {
    this.server = await serve((request) => this.handle(request), port);
    return this.server;
  }
}
