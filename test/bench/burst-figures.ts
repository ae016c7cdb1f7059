/** The p-th percentile (nearest rank), rounded; null for no values. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
};

/**
 * Confirmed registrations for a place while one requested earlier (by the time the API accepted it) for
 * the same place is waitlisted: each confirmed one that jumped anybody counts once.
 */
export const orderInversions = (
  requests: readonly { requestedAt: string; confirmed: boolean; waitlisted: boolean }[],
): number => {
  let earliestWaitlisted: string | undefined;
  let inversions = 0;
  for (const r of [...requests].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))) {
    if (r.confirmed && earliestWaitlisted !== undefined && earliestWaitlisted < r.requestedAt)
      inversions += 1;
    if (r.waitlisted) earliestWaitlisted ??= r.requestedAt;
  }
  return inversions;
};
