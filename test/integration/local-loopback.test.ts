import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';

/** A listening TCP socket: its address as /proc shows it (hex, the kernel's byte order) and its port. */
interface Listener {
  readonly address: string;
  readonly port: number;
}

const LISTEN = '0A';
const IPV4_LOOPBACK = '0100007F';
const IPV6_LOOPBACK = '00000000000000000000000001000000';
const IPV4_MAPPED_LOOPBACK = '0000000000000000FFFF00000100007F';

/** The listening sockets a process holds, from /proc (its socket inodes matched in /proc/net/tcp and tcp6). */
const listenersOf = (pid: number): Listener[] => {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        return match ? [match[1]!] : [];
      } catch {
        return [];
      }
    }),
  );
  return ['tcp', 'tcp6'].flatMap((table) =>
    readFileSync(`/proc/${pid}/net/${table}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[3] === LISTEN && inodes.has(columns[9] ?? ''))
      .map((columns) => {
        const [address, port] = columns[1]!.split(':');
        return { address: address!, port: parseInt(port!, 16) };
      }),
  );
};

const isLoopback = ({ address }: Listener) =>
  [IPV4_LOOPBACK, IPV6_LOOPBACK, IPV4_MAPPED_LOOPBACK].includes(address);

const portOf = (url: string) => Number(new URL(url).port);

describe('the local stack listens on 127.0.0.1 only', () => {
  let dynamo: DynamoDbLocal;
  let stack: LocalStack;

  beforeAll(async () => {
    // Its own DynamoDB Local (the run's shared one lives in jest's parent process), started as npm start does.
    dynamo = await startDynamoDbLocal();
    stack = await startLocalStack({
      port: 0,
      mailPort: 0,
      dynamodbEndpoint: dynamo.endpoint,
      tableName: `convene-loopback-${process.pid}`,
    });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    await dynamo?.stop();
  });

  it("binds DynamoDB Local's Java process to the loopback address, not every interface", () => {
    const listeners = listenersOf(dynamo.pid!);

    expect(listeners.map((l) => l.port)).toContain(portOf(dynamo.endpoint));
    expect(listeners.filter((l) => !isLoopback(l))).toEqual([]);
  });

  it('binds every emulator, the HTTP API, the mail viewer and the IAM gateway to the loopback address', () => {
    const listeners = listenersOf(process.pid);
    const ports = listeners.map((l) => l.port);

    expect(ports).toEqual(
      expect.arrayContaining([
        portOf(stack.url),
        portOf(stack.mailViewerUrl),
        portOf(stack.iam.url),
        portOf(stack.x.url),
      ]),
    );
    // The API, mail viewer, SES, bus, queues, Secrets Manager, scheduler, X fake and IAM gateway at least.
    expect(listeners.length).toBeGreaterThanOrEqual(9);
    expect(listeners.filter((l) => !isLoopback(l))).toEqual([]);
  });
});
