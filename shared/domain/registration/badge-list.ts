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

/** The columns of the export, the needs' among them (left out unless asked for). */
const COLUMNS: readonly {
  readonly header: string;
  readonly needs?: true;
  readonly cell: (r: BadgeRow) => unknown;
}[] = [
  { header: 'name', cell: (r) => r.name ?? '(erased)' },
  { header: 'organisation', cell: (r) => r.organisation },
  { header: 'role', cell: (r) => r.role },
  { header: 'email', cell: (r) => r.email },
  { header: 'status', cell: (r) => r.status },
  { header: 'attended', cell: (r) => (r.attended ? 'yes' : 'no') },
  {
    header: 'sessions',
    cell: (r) =>
      r.sessions.map((s) => (s.status === 'confirmed' ? s.title : `${s.title} (waiting list)`)).join('; '),
  },
  { header: 'dietary', needs: true, cell: (r) => r.dietary },
  { header: 'access needs', needs: true, cell: (r) => r.accessNeeds },
  { header: 'registration id', cell: (r) => r.registrationId },
];

/**
 * The export organisers print badges and catering lists from. Erased delegates keep a row without data.
 * The dietary and access needs columns only with `needs` (special category data, `?include=needs`).
 */
export const badgeListCsv = (
  rows: readonly BadgeRow[],
  options: { readonly needs?: boolean } = {},
): string => {
  const columns = COLUMNS.filter((c) => options.needs === true || !c.needs);
  return toCsv(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.cell(r))),
  );
};
