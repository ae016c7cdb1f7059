import {
  roomAt,
  counterExpiry,
  windowStartsHolding,
  type CounterChange,
  type CounterWindow,
} from '../../domain/limits/windows';
import { batchGet } from './batch-get';
import { tableName } from './client';
import type { Step } from './transact';

/**
 * Window counters (shared/domain/limits/windows.ts):
 * - LIMIT#<window name> / FROM#<window start ISO>   `used` in the window, gone a day after it ends (TTL)
 */
const keyOf = (window: CounterWindow, start: number) => ({
  pk: `LIMIT#${window.name}`,
  sk: `FROM#${new Date(start).toISOString()}`,
});

/** What a transaction's failed counter condition means: the window that has no room, by name. */
export type WindowFull = `window_full:${string}`;

export const windowFull = (window: CounterWindow): WindowFull => `window_full:${window.name}`;

/**
 * The writes that apply `changes`, for the caller's own transaction: a counter that grows is written on
 * the condition that it stays within its limit; one that shrinks, unconditionally.
 */
export const counterSteps = (changes: readonly CounterChange[]): Step<WindowFull>[] =>
  changes.map(({ window, start, delta }) => ({
    ...(delta > 0 ? { meaning: windowFull(window) } : {}),
    write: {
      Update: {
        TableName: tableName,
        Key: keyOf(window, start),
        UpdateExpression: 'ADD used :delta SET expiresAt = :expires',
        ...(delta > 0
          ? {
              // More than the limit never fits, not even in a counter that does not exist yet.
              ConditionExpression:
                delta > window.limit ? 'used <= :room' : 'attribute_not_exists(used) OR used <= :room',
              ExpressionAttributeValues: {
                ':delta': delta,
                ':room': window.limit - delta,
                ':expires': Math.ceil(counterExpiry(window, start) / 1000),
              },
            }
          : {
              ExpressionAttributeValues: {
                ':delta': delta,
                ':expires': Math.ceil(counterExpiry(window, start) / 1000),
              },
            }),
      },
    },
  }));

/** Room left in `window` at `at`: its limit less the fullest counter holding that instant. */
export const roomIn = async (window: CounterWindow, at: Date): Promise<number> => {
  const starts = windowStartsHolding(window, at.getTime());
  const items = await batchGet(
    starts.map((s) => keyOf(window, s)),
    { projection: 'sk, used' },
  );
  const used = new Map(
    items.map((i) => [new Date(String(i.sk).slice('FROM#'.length)).getTime(), Number(i.used ?? 0)]),
  );
  return roomAt(window, at.getTime(), used);
};
