import { DomainError } from '../errors';

/** What a member does in a team: an organiser, or a member of the communications team. */
export type MemberRole = 'organisers' | 'comms';

export const MEMBER_ROLES: readonly MemberRole[] = ['organisers', 'comms'];

export interface TeamMember {
  /** Cognito's user name: the email address they were invited with. */
  readonly username: string;
  readonly email: string;
  readonly roles: readonly MemberRole[];
  /** Invited and not yet signed in (Cognito's FORCE_CHANGE_PASSWORD), or signed in at least once. */
  readonly state: 'invited' | 'active';
}

/** An email address as Cognito keeps it here: trimmed, lower case (it is also the user name). */
export const memberAddress = (email: string): string => email.trim().toLowerCase();

/** Organisers may not remove themselves: a team must not lose its last way in by a slip. */
export const assertMayRemove = (callerEmail: string | undefined, username: string): void => {
  if (callerEmail !== undefined && memberAddress(callerEmail) === memberAddress(username)) {
    throw new DomainError('conflict', 'cannot_remove_self', 'You cannot remove yourself from your team.');
  }
};

/** Members by address, organisers first. */
export const byRoleThenAddress = (members: readonly TeamMember[]): TeamMember[] =>
  [...members].sort(
    (a, b) =>
      Number(!a.roles.includes('organisers')) - Number(!b.roles.includes('organisers')) ||
      a.email.localeCompare(b.email),
  );
