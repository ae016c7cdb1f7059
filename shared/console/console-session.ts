/** Who is signed in to the console: the ID token in the session cookie, verified. */
export interface ConsoleSession {
  readonly subject: string;
  readonly groups: readonly string[];
  /** The address they signed in with, shown beside "Sign out". */
  readonly email: string;
  /** The token's id (`jti`): what sign-out records, and what the session's form value is bound to. */
  readonly tokenId: string;
  readonly expiresAt: Date;
}

export const isOrganiser = (session: ConsoleSession): boolean => session.groups.includes('organisers');
