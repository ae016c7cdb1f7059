import { batchGet } from './batch-get';

type Key = { readonly pk: string; readonly sk: string };
type Waiter = {
  resolve: (item: Record<string, unknown> | undefined) => void;
  reject: (error: unknown) => void;
};

/**
 * Strongly consistent reads of single items asked for in the same turn of the event loop, made as one
 * BatchGetItem: a send batch's ten mails each read their ledger entry, their registration and their
 * address's suppressions side by side, and ten GetItems become one call (each call's signing and
 * serialising is most of what a send costs the sender besides SES). A read asked for later waits for no
 * one: it starts the next batch. A failed batch fails each read in it. On AWS a batch holds one
 * function's reads; the local stack runs every function in one process, where two functions' reads can
 * share a call, authorised as the first: alike, as every function that reads this way may BatchGetItem
 * the table (its grant is derived from its code).
 */
let waiting: Map<string, { key: Key; waiters: Waiter[] }> | undefined;

const readAll = async (batch: Map<string, { key: Key; waiters: Waiter[] }>): Promise<void> => {
  try {
    const items = await batchGet(
      [...batch.values()].map(({ key }) => key),
      { consistent: true },
    );
    const found = new Map(items.map((item) => [idOf(item as Key), item]));
    for (const [id, { waiters }] of batch) for (const w of waiters) w.resolve(found.get(id));
  } catch (error) {
    for (const { waiters } of batch.values()) for (const w of waiters) w.reject(error);
  }
};

const idOf = (key: Key): string => `${key.pk}\u0000${key.sk}`;

/** The item of this key as it stands (undefined when there is none), read with the others asked for now. */
export const readTogether = (key: Key): Promise<Record<string, unknown> | undefined> =>
  new Promise((resolve, reject) => {
    if (!waiting) {
      const batch = (waiting = new Map());
      setImmediate(() => {
        if (waiting === batch) waiting = undefined;
        void readAll(batch);
      });
    }
    const id = idOf(key);
    const entry = waiting.get(id) ?? { key, waiters: [] };
    entry.waiters.push({ resolve, reject });
    waiting.set(id, entry);
  });
