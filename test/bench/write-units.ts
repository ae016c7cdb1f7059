import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB's write capacity units for one item's change, by AWS's published rules, computed from the item
 * before and after the write. DynamoDB Local's own ConsumedCapacity cannot stand in for them: for
 * TransactWriteItems it reports 4 units for one small item and for three alike (AWS: 2 and 6), and 8 for
 * two where one has an index key, so the bench meters writes itself.
 *
 * - An item's size: each attribute's name (UTF-8) and value; a string by its UTF-8 bytes, a number by
 *   its significant digits (half a byte each, plus one), a boolean or null 1, a list or map 3 plus 1 per
 *   element and its elements (a map's keys as names), a set its elements.
 * - The table: 1 unit per KB, rounded up, of the larger of the item before and after; 2 per KB in a
 *   transaction. A write that finds no item and leaves none (a delete of nothing) is still 1.
 * - Each global index: nothing when the item is in it neither before nor after; 1 per KB of the projected
 *   entry to put it in, take it out, or change a projected attribute; 2 writes when an index key changes
 *   (out, then in). Index writes count singly in a transaction too, as issue 15's minimum counts them.
 */
export type Item = Record<string, AttributeValue>;

export interface IndexShape {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly projection: 'ALL' | 'KEYS_ONLY';
}

export interface TableShape {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly globalIndexes: readonly IndexShape[];
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A number's size: one byte per two significant digits, rounded up, plus one. */
const numberSize = (text: string): number => {
  const digits = text.replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  const significant = digits.replace(/0+$/, '').length || 1;
  return Math.ceil(significant / 2) + 1;
};

export const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined) return 3 + itemSize(value.M) + Object.keys(value.M).length;
  return 0;
};

export const itemSize = (item: Item | undefined): number =>
  item ? Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0) : 0;

const unitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

export interface WriteUnits {
  readonly table: number;
  /** Index name → its write units, for the indexes this write touched. */
  readonly indexes: Readonly<Record<string, number>>;
}

const indexKeys = (table: TableShape, index: IndexShape): string[] => [
  table.partitionKey,
  table.sortKey,
  index.partitionKey,
  ...(index.sortKey ? [index.sortKey] : []),
];

const inIndex = (index: IndexShape, item: Item | undefined): item is Item =>
  item !== undefined &&
  item[index.partitionKey] !== undefined &&
  (index.sortKey === undefined || item[index.sortKey] !== undefined);

const projected = (table: TableShape, index: IndexShape, item: Item): Item =>
  index.projection === 'ALL'
    ? item
    : Object.fromEntries(indexKeys(table, index).flatMap((k) => (item[k] ? [[k, item[k]]] : [])));

const same = (a: Item, b: Item): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (item: Item): [string, AttributeValue][] =>
  Object.entries(item).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

const indexUnits = (table: TableShape, index: IndexShape, before?: Item, after?: Item): number => {
  const wasIn = inIndex(index, before);
  const isIn = inIndex(index, after);
  if (!wasIn && !isIn) return 0;
  if (!wasIn) return unitsOf(itemSize(projected(table, index, after!)));
  if (!isIn) return unitsOf(itemSize(projected(table, index, before)));
  const old = projected(table, index, before);
  const now = projected(table, index, after!);
  const keyOf = (item: Item) => JSON.stringify([item[index.partitionKey], item[index.sortKey ?? '']]);
  if (keyOf(before) !== keyOf(after!)) return unitsOf(itemSize(old)) + unitsOf(itemSize(now));
  return same(old, now) ? 0 : unitsOf(itemSize(now));
};

/** The units one successful write of an item costs, from its image before and after. */
export const writeUnits = (
  table: TableShape,
  before: Item | undefined,
  after: Item | undefined,
  { transactional }: { readonly transactional: boolean },
): WriteUnits => {
  const tableUnits = unitsOf(Math.max(itemSize(before), itemSize(after))) * (transactional ? 2 : 1);
  const indexes: Record<string, number> = {};
  for (const index of table.globalIndexes) {
    const units = indexUnits(table, index, before, after);
    if (units > 0) indexes[index.indexName] = units;
  }
  return { table: tableUnits, indexes };
};

/**
 * What a single write refused by its condition costs: AWS still charges 1 unit per KB of the item it was
 * checked against (at least 1).
 */
export const refusedWriteUnits = (before: Item | undefined): number => unitsOf(itemSize(before));
