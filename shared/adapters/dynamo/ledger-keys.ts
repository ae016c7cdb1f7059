/** A message's ledger partition: one entry per recipient under it. */
export const ledgerPartition = (messageKey: string): string => `MSG#${messageKey}`;

/** The key of one message's entry for one recipient. */
export const ledgerKey = (r: { readonly messageKey: string; readonly recipientKey: string }) => ({
  pk: ledgerPartition(r.messageKey),
  sk: `TO#${r.recipientKey}`,
});
