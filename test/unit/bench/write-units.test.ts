import { describe, expect, it } from '@jest/globals';
import {
  itemSize,
  refusedWriteUnits,
  valueSize,
  writeUnits,
  type Item,
  type TableShape,
} from '../../bench/write-units';

const table: TableShape = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { indexName: 'listing', partitionKey: 'gpk', sortKey: 'gsk', projection: 'ALL' },
    { indexName: 'keys', partitionKey: 'kpk', projection: 'KEYS_ONLY' },
  ],
};

const item = (fields: Record<string, string>): Item =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { S: v }]));

describe('the size of an item, by AWS’s rules', () => {
  it('counts names and string values in UTF-8 bytes', () => {
    expect(itemSize(item({ pk: 'REG#1', sk: 'REG' }))).toBe(2 + 5 + 2 + 3);
    expect(valueSize({ S: 'Siân' })).toBe(5);
  });

  it('counts a number by its significant digits, and a boolean or null as 1', () => {
    expect(valueSize({ N: '7' })).toBe(2);
    expect(valueSize({ N: '123456' })).toBe(4);
    expect(valueSize({ N: '1000' })).toBe(2);
    expect(valueSize({ N: '-0.0125' })).toBe(3);
    expect(valueSize({ BOOL: true })).toBe(1);
    expect(valueSize({ NULL: true })).toBe(1);
  });

  it('counts a list or map as 3 bytes, 1 per element and its elements (a map’s keys as names)', () => {
    expect(valueSize({ L: [{ S: 'ab' }, { N: '1' }] })).toBe(3 + (1 + 2) + (1 + 2));
    expect(valueSize({ M: { a: { S: 'xy' } } })).toBe(3 + (1 + 2) + 1);
  });
});

describe('the write units of one item’s change', () => {
  const small = item({ pk: 'A', sk: 'A', x: 'a'.repeat(100) });
  const big = item({ pk: 'A', sk: 'A', x: 'a'.repeat(1500) });

  it('charges the table 1 unit per KB of the larger of before and after, 2 in a transaction', () => {
    expect(writeUnits(table, undefined, small, { transactional: false })).toEqual({ table: 1, indexes: {} });
    expect(writeUnits(table, undefined, small, { transactional: true })).toEqual({ table: 2, indexes: {} });
    expect(writeUnits(table, big, small, { transactional: false }).table).toBe(2);
    expect(writeUnits(table, small, big, { transactional: true }).table).toBe(4);
    // A delete of nothing still costs a unit.
    expect(writeUnits(table, undefined, undefined, { transactional: false }).table).toBe(1);
  });

  it('puts an item into an index it now has keys for, singly even in a transaction', () => {
    const listed = { ...small, ...item({ gpk: 'EVENT#1', gsk: '2026#A' }) };
    expect(writeUnits(table, undefined, listed, { transactional: true })).toEqual({
      table: 2,
      indexes: { listing: 1 },
    });
  });

  it('writes an ALL index when a projected attribute changes, a KEYS_ONLY index only when it enters or leaves', () => {
    const before = { ...small, ...item({ gpk: 'E', gsk: '1', kpk: 'K', status: 'pending' }) };
    const after = { ...before, status: { S: 'confirmed' } };
    expect(writeUnits(table, before, after, { transactional: false }).indexes).toEqual({ listing: 1 });
    expect(writeUnits(table, before, before, { transactional: false }).indexes).toEqual({});
  });

  it('writes an index twice when its key changes (out, then in), and once when the item leaves it', () => {
    const before = { ...small, ...item({ gpk: 'E', gsk: '1' }) };
    const moved = { ...before, gsk: { S: '2' } };
    expect(writeUnits(table, before, moved, { transactional: false }).indexes).toEqual({ listing: 2 });
    expect(writeUnits(table, before, undefined, { transactional: false }).indexes).toEqual({ listing: 1 });
  });

  it('charges a refused conditional write 1 unit per KB of the item it was checked against', () => {
    expect(refusedWriteUnits(undefined)).toBe(1);
    expect(refusedWriteUnits(big)).toBe(2);
  });
});
