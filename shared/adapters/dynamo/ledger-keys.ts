import { isOwnMessage } from '../../domain/mail/send-request';

/** A message to many's ledger partition: one entry per recipient under it. */
export const ledgerPartition = (messageKey: string): string => `MSG#${messageKey}`;

/**
 * A delegate's mail: in the table, the partition of the mail about its own registration; in gsi3, the
 * index entries of its share of the messages to many.
 */
export const recipientMailPartition = (recipientKey: string): string => `REG#${recipientKey}#MAIL`;

/**
 * The key of one message's entry for one recipient. Mail about one registration alone is kept in its
 * delegate's partition, so the delegate's mail is read without an index entry for it (a write unit saved
 * on every booking mail); a message to many keeps its recipients under the message, where the plan and the
 * survey count them, and each entry is indexed by its recipient.
 */
export const ledgerKey = (r: { readonly messageKey: string; readonly recipientKey: string }) =>
  isOwnMessage(r)
    ? { pk: recipientMailPartition(r.recipientKey), sk: `MSG#${r.messageKey}` }
    : { pk: ledgerPartition(r.messageKey), sk: `TO#${r.recipientKey}` };
