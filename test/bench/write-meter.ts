import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { refusedWriteUnits, writeUnits, type Item, type TableShape } from './write-units';

/** One item a write command touches, as the functions wrote it (lib-dynamodb's plain values). */
interface Touched {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly transactional: boolean;
  /** A transaction's condition check writes nothing but is charged as a write. */
  readonly checkOnly: boolean;
}

type Plain = Record<string, unknown>;

const keyOf = (item: Plain): { pk: string; sk: string } => ({ pk: String(item.pk), sk: String(item.sk) });

const touchedBy = (command: string, input: Plain): Touched[] => {
  const single = (write: Plain, transactional: boolean, checkOnly = false): Touched => ({
    key: keyOf((write.Item ?? write.Key) as Plain),
    transactional,
    checkOnly,
  });
  switch (command) {
    case 'PutItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [single(input, false)];
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as Plain[]).map((step) => {
        const [kind, write] = Object.entries(step)[0] as [string, Plain];
        return single(write, true, kind === 'ConditionCheck');
      });
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, Plain[]>).flatMap((requests) =>
        requests.map((r) => single((r.PutRequest ?? r.DeleteRequest) as Plain, false)),
      );
    default:
      return [];
  }
};

/** What an item is, for the itemised report: its sort key's first word (REG, EMAIL, SEATS, TO, ...). */
const kindOf = (key: { sk: string }): string => key.sk.split('#')[0] || key.sk;

/** A promise chain that lets one metered write run at a time, so its before and after are its own. */
const oneAtATime = () => {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
};

interface Tally {
  units: number;
  /** Units by where they went: the table, or an index by name. */
  byTarget: Record<string, number>;
  /** Units by operation and item kind, as `TransactWrite REG`. */
  byWrite: Record<string, number>;
  /** Writes refused by their condition (charged as AWS charges them) and transactions cancelled (not). */
  refusedWrites: number;
  cancelledTransactions: number;
}
export type MeterReading = Readonly<Tally>;

/**
 * Meters every write the functions make through `documents` (the functions share the process's one
 * client) by AWS's rules (write-units.ts): each written item is read before and after its write, with a
 * client of the meter's own. Metered writes run one at a time while the meter is on, so no other write
 * lands between an item's reading and its write.
 */
export const meterWrites = (
  documents: DynamoDBDocumentClient,
  shape: TableShape,
  tableName: string,
  /** A client of the meter's own, straight to DynamoDB (not through the local IAM boundary). */
  reader: DynamoDBClient,
) => {
  const read = async (key: { pk: string; sk: string }): Promise<Item | undefined> =>
    (
      await reader.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: key.pk }, sk: { S: key.sk } },
          ConsistentRead: true,
        }),
      )
    ).Item;
  const serial = oneAtATime();
  let on = false;
  let tally = empty();

  documents.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const touched = on ? touchedBy(command, args.input as Plain) : [];
      if (touched.length === 0) return next(args);
      const operation = command.replace(/Command$/, '');
      return serial(async () => {
        const before = await Promise.all(touched.map((t) => read(t.key)));
        try {
          const result = await next(args);
          const after = await Promise.all(touched.map((t) => read(t.key)));
          touched.forEach((t, i) => {
            const units = t.checkOnly
              ? { table: writeUnits(shape, before[i], before[i], t).table, indexes: {} }
              : writeUnits(shape, before[i], after[i], t);
            add(tally, `${operation} ${kindOf(t.key)}`, 'table', units.table);
            for (const [index, n] of Object.entries(units.indexes))
              add(tally, `${operation} ${kindOf(t.key)}`, index, n);
          });
          return result;
        } catch (error) {
          const name = (error as { name?: string }).name;
          if (name === 'ConditionalCheckFailedException' && touched.length === 1) {
            tally.refusedWrites += 1;
            add(
              tally,
              `${operation} ${kindOf(touched[0]!.key)} (refused)`,
              'table',
              refusedWriteUnits(before[0]),
            );
          } else if (name === 'TransactionCanceledException') {
            tally.cancelledTransactions += 1;
          }
          throw error;
        }
      });
    },
    { step: 'initialize', name: 'benchWriteMeter' },
  );

  return {
    start: (): void => {
      tally = empty();
      on = true;
    },
    stop: (): MeterReading => {
      on = false;
      return tally;
    },
  };
};

const empty = (): Tally => ({
  units: 0,
  byTarget: {},
  byWrite: {},
  refusedWrites: 0,
  cancelledTransactions: 0,
});

const add = (tally: Tally, write: string, target: string, units: number): void => {
  tally.units += units;
  tally.byTarget[target] = (tally.byTarget[target] ?? 0) + units;
  tally.byWrite[write] = (tally.byWrite[write] ?? 0) + units;
};
