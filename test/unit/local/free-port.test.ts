import { createServer } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { freePort } from '../../../infra/local/dynamodb-local';

const listenOn = (port: number): Promise<() => Promise<void>> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve(() => new Promise<void>((closed) => server.close(() => closed()))),
    );
  });

describe('a port handed out to listen on later', () => {
  it('is below the ranges outgoing connections and port-0 listeners take ports from, so none can take it first', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
  });

  it('is free: it can be listened on', async () => {
    const close = await listenOn(await freePort());
    await close();
  });
});
