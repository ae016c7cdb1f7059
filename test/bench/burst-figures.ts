/** The p-th percentile (nearest rank), rounded; null for no values. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
};

/**
 * Confirmed registrations for a place while one asked earlier for the same place is waitlisted: each
 * confirmed one that jumped anybody counts once. `order` says which was asked earlier, as a string that
 * sorts so: an ISO time, or a queue's sequence number padded (sequenceOrder).
 */
export const orderInversions = (
  requests: readonly { order: string; confirmed: boolean; waitlisted: boolean }[],
): number => {
  let earliestWaitlisted: string | undefined;
  let inversions = 0;
  for (const r of [...requests].sort((a, b) => a.order.localeCompare(b.order))) {
    if (r.confirmed && earliestWaitlisted !== undefined && earliestWaitlisted < r.order) inversions += 1;
    if (r.waitlisted) earliestWaitlisted ??= r.order;
  }
  return inversions;
};

/** An SQS FIFO sequence number (decimal digits, up to 128) as a string that sorts in the queue's order. */
export const sequenceOrder = (sequenceNumber: string): string => sequenceNumber.padStart(128, '0');
