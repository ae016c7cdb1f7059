import type { Registration } from './registration';

/**
 * Who a manage link is for: the registration and which holder of its place. A substitution passes the
 * place to a colleague, and the previous holder's link must stop working, so the subject names the holder
 * (0 for the first, whose subject stays the bare registration id, as in every link already sent).
 */
export interface ManageSubject {
  readonly registrationId: string;
  readonly holder: number;
}

/** How many times the place has been passed on. */
export const holderOf = (r: Pick<Registration, 'formerDelegates'>): number => r.formerDelegates?.length ?? 0;

export const manageSubject = ({ registrationId, holder }: ManageSubject): string =>
  holder === 0 ? registrationId : `${registrationId}~${holder}`;

export const parseManageSubject = (subject: string): ManageSubject | undefined => {
  const match = /^([^~]+)(?:~([1-9]\d{0,3}))?$/.exec(subject);
  return match ? { registrationId: match[1]!, holder: Number(match[2] ?? 0) } : undefined;
};
