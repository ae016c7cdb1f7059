import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

/** aws-ses-v2-local running in a process of its own. */
export interface SesProcess {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const READY = 'convene-ses-port';

/**
 * The child's whole program: start aws-ses-v2-local on a free loopback port, say which, and end with its
 * parent (stdin closes when the parent goes, however it goes). Ctrl-C reaches the whole process group: the
 * child waits for its parent, which reads the mail out of it before it stops.
 */
const childProgram = (modulePath: string): string => `
const mod = require(${JSON.stringify(modulePath)});
const start = mod.default ?? mod;
start({ host: '127.0.0.1', port: 0 }).then((server) => {
  process.stdout.write('${READY} ' + server.address().port + '\\n');
}, (error) => { console.error(error); process.exit(1); });
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

/**
 * Starts aws-ses-v2-local in a child process, as SES is a service of its own on AWS: its MIME parsing
 * runs beside the functions, not in their event loop, where each send's trip waited behind their work
 * (a campaign's sends took 200-340 ms at the median; the sender's hard rate bound pays that trip on every
 * second's worth of mail). Its store is the child's own, so two stacks in one process never share mail.
 */
export const startSesProcess = async (): Promise<SesProcess> => {
  const modulePath = createRequire(import.meta.url).resolve('aws-ses-v2-local');
  const child = spawn(process.execPath, ['-e', childProgram(modulePath)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start the local SES: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`The local SES exited during start (code ${code})`)));
    // It starts in well under a second alone; a loaded two-core machine gets the same grace as Java.
    timer = setTimeout(() => reject(new Error('The local SES did not start within 90 s')), 90_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [marker, value] = line.split(' ');
      if (marker === READY) resolve(Number(value));
    });
  })
    .catch((error: unknown) => {
      child.kill();
      throw error;
    })
    .finally(() => clearTimeout(timer));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
};
