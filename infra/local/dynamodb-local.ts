import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer, connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The Java process's id (its listening sockets can be checked). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep data in this folder across restarts; in memory when absent. */
  readonly dataDir?: string;
  readonly port?: number;
}

const simulatorDir = (): string =>
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json')),
    'emulator',
  );

/**
 * Ports handed out to be listened on later, below the ranges systems give outgoing connections and port-0
 * listeners (Linux from 32768, macOS from 49152): a port from that range, free when asked, could be taken
 * by any connection before its listener started (a busy test run saw `EADDRINUSE`). Random, so two callers
 * rarely try the same one, and tried before it is handed out.
 */
const HANDED_OUT = { from: 20_000, to: 32_767 } as const;

const listenable = (port: number): Promise<number | undefined> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => resolve(bound));
    });
  });

export const freePort = async (): Promise<number> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await listenable(HANDED_OUT.from + randomInt(HANDED_OUT.to - HANDED_OUT.from + 1));
    if (port !== undefined) return port;
  }
  const any = await listenable(0);
  if (any === undefined) throw new Error('No free port on 127.0.0.1');
  return any;
};

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const launcherSource = fileURLToPath(new URL('./DynamoDbLocalLoopback.java', import.meta.url));

/**
 * The folder holding the compiled launcher that binds DynamoDB Local to 127.0.0.1 (the jar has no host
 * option: see DynamoDbLocalLoopback.java). Compiled once per change of its source, into a fresh folder
 * renamed into place, so two runs starting at once never read a half-written class.
 */
const loopbackLauncher = (classpath: string): string => {
  const source = readFileSync(launcherSource);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = path.join(tmpdir(), `convene-dynamodb-loopback-${hash}`);
  if (existsSync(path.join(dir, 'DynamoDbLocalLoopback.class'))) return dir;
  const building = mkdtempSync(path.join(tmpdir(), 'convene-dynamodb-loopback-'));
  execFileSync('javac', ['-nowarn', '-cp', classpath, '-d', building, launcherSource], { stdio: 'pipe' });
  try {
    renameSync(building, dir);
  } catch {
    // Another run put it there first: theirs is the same class.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
};

/** Starts the official DynamoDB Local jar (shipped in amplify-dynamodb-simulator) on the machine's Java. */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const dir = simulatorDir();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const classpath = [path.join(dir, 'DynamoDBLocal.jar'), path.join(dir, 'DynamoDBLocal_lib', '*')].join(
    path.delimiter,
  );
  // Through the launcher, which binds it to 127.0.0.1 (the jar's own main listens on every interface).
  const args = [
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx1g',
    // A short-lived test database: the serial collector and the quick compiler tier alone took about
    // 30 % less CPU than the defaults for the same local workload (C2 and parallel GC threads compete
    // with the tests on two cores).
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-cp',
    [loopbackLauncher(classpath), classpath].join(path.delimiter),
    'DynamoDbLocalLoopback',
    '-port',
    String(port),
    ...storage,
    '-sharedDb',
    '-disableTelemetry',
  ];
  const child: ChildProcess = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) =>
      reject(new Error(`Could not start Java for DynamoDB Local (is Java 17 installed?): ${error.message}`)),
    ),
  );
  spawnError.catch(() => undefined);

  // Java starts in a few seconds alone, but on a loaded two-core machine it has taken over 25.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited during start:\n${output}`);
    if (await Promise.race([canConnect(port), spawnError])) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not listen on ${port} within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Whoever started it stops it; the child alone must not keep this process alive.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  const stopOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
};

const indexSpec = (i: (typeof TableDesign.globalIndexes)[number]) => ({
  IndexName: i.indexName,
  KeySchema: [
    { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: i.projection },
});

/**
 * Adds the indexes the design has gained since a kept table (`npm start`'s `.local/`) was created, one at a
 * time as DynamoDB allows; the entries written before have no keys for them.
 */
const addMissingIndexes = async (client: DynamoDBClient, tableName: string, existing: readonly string[]) => {
  const missing = TableDesign.globalIndexes.filter((i) => !existing.includes(i.indexName));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
  }
  // The entries already there are indexed in the background: wait until the indexes answer queries.
  for (let waited = 0; missing.length > 0 && waited < 30_000; waited += 200) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Creates Convene's table from the shared design unless it exists (a second `npm start` finds its data). */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = (Table?.GlobalSecondaryIndexes ?? []).flatMap((i) => (i.IndexName ? [i.IndexName] : []));
    await addMissingIndexes(client, tableName, existing);
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const keyAttributes = [
    TableDesign.partitionKey,
    TableDesign.sortKey,
    ...TableDesign.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: TableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TableDesign.globalIndexes.map(indexSpec),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TableDesign.timeToLiveAttribute, Enabled: true },
    }),
  );
};
