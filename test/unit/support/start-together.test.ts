import { describe, expect, it } from '@jest/globals';
import { startTogether } from '../../support/start-together';

describe('startTogether', () => {
  it('gives back everything started, in order', async () => {
    const started = await startTogether(
      { started: Promise.resolve('stack'), stop: async () => undefined },
      { started: Promise.resolve(42), stop: async () => undefined },
    );

    expect(started).toEqual(['stack', 42]);
  });

  it('stops what did start when something else fails, then throws that failure', async () => {
    // Arrange
    const stopped: string[] = [];

    // Act
    const starting = startTogether(
      { started: Promise.resolve('stack'), stop: async (s: string) => stopped.push(s) },
      { started: Promise.reject(new Error('no chromium')), stop: async () => stopped.push('never') },
      { started: Promise.resolve('pool'), stop: async (p: string) => stopped.push(p) },
    );

    // Assert
    await expect(starting).rejects.toThrow('no chromium');
    expect(stopped.sort()).toEqual(['pool', 'stack']);
  });
});
