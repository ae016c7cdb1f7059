import { toCsv } from '../csv';

export interface BadgeRow {
  readonly registrationId: string;
  readonly status: string;
  readonly attended: boolean;
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string | null;
  readonly role?: string | null;
  readonly dietary?: string | null;
  readonly accessNeeds?: string | null;
  readonly sessions: readonly { readonly title: string; readonly status: string }[];
}

/** The export organisers print badges and catering lists from. Erased delegates keep a row without data. */
export const badgeListCsv = (rows: readonly BadgeRow[]): string =>
  toCsv(
    [
      'name',
      'organisation',
      'role',
      'email',
      'status',
      'attended',
      'sessions',
      'dietary',
      'access needs',
      'registration id',
    ],
    rows.map((r) => [
      r.name ?? '(erased)',
      r.organisation,
      r.role,
      r.email,
      r.status,
      r.attended ? 'yes' : 'no',
      r.sessions.map((s) => (s.status === 'confirmed' ? s.title : `${s.title} (waiting list)`)).join('; '),
      r.dietary,
      r.accessNeeds,
      r.registrationId,
    ]),
  );
