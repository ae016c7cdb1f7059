import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/local/dynamodb-local';

const dataDir = mkdtempSync(path.join(tmpdir(), 'convene-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Processes whose command line names our data folder: the stack and its DynamoDB Local. */
const processesUsingDataDir = (): string[] => {
  try {
    return execFileSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

/** Runs `npm start`'s program as a terminal would, in its own process group so Ctrl-C reaches it all. */
const start = async (port: number): Promise<{ child: ChildProcess; output: () => string }> => {
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['infra/local/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      MAIL_PORT: String(await freePort()),
      CONVENE_DATA_DIR: dataDir,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Ctrl-C stops everything.')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
};

const ctrlC = async (child: ChildProcess): Promise<void> => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  for (let i = 0; i < 50 && processesUsingDataDir().length > 0; i += 1)
    await new Promise((r) => setTimeout(r, 100));
};

describe('npm start', () => {
  it('seeds the demo, stops everything on Ctrl-C, and finds its data again on the next start', async () => {
    const port = await freePort();
    const first = await start(port);
    const demo = /Demo event\s+(\S+)/.exec(first.output())?.[1];
    expect(first.output()).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(first.output()).toMatch(/Mail viewer\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(first.output()).toContain('/openapi.json');
    expect(first.output()).toContain('npm run --silent token -- organisers');
    expect(demo).toBeDefined();
    const shown = (await (await fetch(demo!)).json()) as {
      title: string;
      capacity: number;
      sessions: unknown[];
    };
    expect(shown).toMatchObject({ title: 'North West School-Led System Conference', capacity: 350 });
    expect(shown.sessions).toHaveLength(7);
    expect(processesUsingDataDir().length).toBeGreaterThan(0);
    const email = `kept-${Date.now()}@school.example.org`;
    const registered = await fetch(`${demo!}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept Delegate', email }),
    });
    expect(registered.status).toBe(202);
    await fetch(`http://127.0.0.1:${port}/local/settle`, { method: 'POST' });
    const mailOf = async () =>
      (await (await fetch(`http://127.0.0.1:${port}/local/mail?to=${email}`)).json()) as {
        messageId: string;
        at: number;
      }[];
    const sent = await mailOf();
    expect(sent).toHaveLength(1);

    await ctrlC(first.child);
    expect(processesUsingDataDir()).toEqual([]);

    const second = await start(port);
    expect(/Demo event\s+(\S+)/.exec(second.output())?.[1]).toBe(demo);
    expect((await fetch(demo!)).status).toBe(200);
    expect(await mailOf()).toEqual(sent);

    const reset = await fetch(`http://127.0.0.1:${port}/local/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await fetch(demo!)).status).toBe(404);
    expect(await mailOf()).toEqual([]);
    await ctrlC(second.child);
    expect(processesUsingDataDir()).toEqual([]);
  }, 240_000);
});
