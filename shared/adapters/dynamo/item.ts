import { TableDesign } from './table-design';

const KEY_ATTRIBUTES = new Set<string>([
  TableDesign.partitionKey,
  TableDesign.sortKey,
  ...TableDesign.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  'entity',
]);

/** An item as the domain sees it: without the table's key and index attributes. */
export const withoutKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;
